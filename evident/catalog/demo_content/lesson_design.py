"""Organizing Content for Learning (Institute for Classroom Practice): lesson design, learning outcomes and authentic, connected work."""

from __future__ import annotations

from evident.catalog.demo_content.helpers import DANIELSON, INTASC, Spec

LESSON_DESIGN: list[Spec] = [
    {
        "title": "Applying Key Lesson Design Elements",
        "summary": "Plan lessons that review what students know, present new material in small steps, check understanding often and end with independent practice.",
        "competency": "The educator plans and teaches a lesson whose parts (activating prior knowledge, explicit presentation, guided practice with checks, independent practice and closure) each serve one clearly stated outcome.",
        "key_method": "Write the outcome first; plan a short review that activates what students need; present new content in small steps with worked examples; check every student's understanding before releasing them; close by having students show what they learned.",
        "research": "Effective teachers review prior learning, present new material in small steps with models, ask many questions, guide practice and check for understanding before independent work.",
        "subject": "Lesson design",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "10",
        "pd": "12",
        "color": "#283593",
        "citations": [
            (
                "Rosenshine, B. (2012). Principles of instruction: Research-based strategies that all teachers should know. American Educator 36(1), 12–19, 39.",
                "",
            ),
            ("Hunter, M. (1982). Mastery Teaching. TIP Publications.", ""),
        ],
        "alignments": [
            (DANIELSON, "1e", "Designing Coherent Instruction", ""),
            (INTASC, "7", "Planning for Instruction", ""),
        ],
        "video": {
            "title": "Key moments of one lesson",
            "instructions": "Record one lesson and upload 5–10 minutes of clips showing the opening review, part of the new content, a check for understanding, and the close. Say in the artifact where each clip starts.",
            "levels": [
                "The clips show a single activity; the lesson has no visible review, check or close.",
                "Lesson parts are present but loosely connected to the outcome, or the check involves only a few volunteers.",
                "Each part serves the stated outcome; new content comes in small steps with a model; a check gathers a response from every student before independent work.",
                "As for Meets, and the teacher visibly changes the plan (re-teaching or moving on) in response to what the check showed.",
            ],
        },
        "artifact": {
            "title": "The lesson plan",
            "instructions": "Upload the plan for the recorded lesson with the outcome, each lesson part and its timing, the check for understanding, and the materials. Highlight what you changed after teaching it.",
            "levels": [
                "The plan is a list of activities without an outcome.",
                "An outcome is stated, but some parts do not serve it or no check for understanding is planned.",
                "Every part is tied to the outcome, timings are realistic, and the check for understanding and the decision it informs are planned.",
                "As for Meets, and the plan includes planned responses to likely misconceptions and a revised version after teaching.",
            ],
        },
        "reflection": {
            "prompts": [
                "Which lesson part moved students closest to the outcome, and what evidence shows it?",
                "What did your check for understanding tell you, and what did you do with it?",
                "Which part will you redesign before teaching this lesson again?",
            ],
            "levels": [
                "The reflection lists what happened without judging it against the outcome.",
                "The reflection judges the lesson in general terms.",
                "The reflection uses evidence from the check and the video to evaluate each part and names a specific redesign.",
                "As for Meets, and it connects the redesign to the next lesson in the sequence.",
            ],
        },
    },
    {
        "title": "Communicating Instructional Outcomes with Students",
        "summary": "Tell students what they are learning and why, in words they understand, and show them what success looks like.",
        "competency": "The educator states the lesson's learning outcome in student-friendly language, connects it to a reason that matters to students, shows what success looks like, and returns to it during and at the end of the lesson.",
        "key_method": "Turn the standard into a learning target framed as “I can…”; pair it with success criteria and an example of work that meets them; refer to it when introducing tasks; end by asking students to judge their progress against it.",
        "research": "Students who know the goal of a lesson and the criteria for success learn more, largely because they can monitor their own work; stating an activity is not the same as stating a learning outcome.",
        "subject": "Lesson design",
        "grades": ["k_2", "3_5", "6_8", "9_12"],
        "effort": "6",
        "pd": "8",
        "color": "#3949ab",
        "citations": [
            (
                "Moss, C. M., & Brookhart, S. M. (2012). Learning Targets: Helping Students Aim for Understanding in Today's Lesson. ASCD.",
                "",
            ),
            (
                "Hattie, J. (2009). Visible Learning: A Synthesis of Over 800 Meta-Analyses Relating to Achievement. Routledge.",
                "",
            ),
        ],
        "alignments": [
            (DANIELSON, "3a", "Communicating with Students", ""),
            (DANIELSON, "1c", "Setting Instructional Outcomes", ""),
        ],
        "video": {
            "title": "The outcome at the start and the end",
            "instructions": "Record the first minutes of a lesson, where you share the learning target, and the last minutes, where students judge their progress. Up to 10 minutes in total.",
            "levels": [
                "No outcome is shared, or the teacher shares only the activity (“today we will do a worksheet”).",
                "An outcome is read out, but in the language of the standard, without success criteria or an example.",
                "The target is stated in student-friendly words with a reason and success criteria, and at the end students say or show how close they are.",
                "As for Meets, and students explain the target in their own words or use the criteria to comment on an example of work.",
            ],
        },
        "artifact": {
            "title": "Targets and criteria for a week",
            "instructions": "Upload the learning targets and success criteria for a week of lessons, the standard each comes from, and three students' end-of-lesson self-assessments (names removed).",
            "levels": [
                "Targets are missing or are descriptions of activities.",
                "Targets are stated but criteria are vague (“do your best work”) or missing.",
                "Each target is in student-friendly language, linked to a standard and paired with observable success criteria; self-assessments are included.",
                "As for Meets, and the self-assessments are compared with the teacher's judgement and used to plan the next lesson.",
            ],
        },
        "reflection": {
            "prompts": [
                "How did students' understanding of the target show in their work or talk?",
                "Where did students' self-assessments differ from your own judgement, and why?",
                "How will you make the reason for learning more meaningful to your students?",
            ],
            "levels": [
                "The reflection restates the targets.",
                "The reflection says whether students understood the targets without evidence.",
                "The reflection compares self-assessments with the teacher's judgement and names a change in how targets are shared.",
                "As for Meets, and it plans how students will use the criteria during work, not only at the end.",
            ],
        },
    },
    {
        "title": "Planning Interdisciplinary Learning Experiences",
        "summary": "Design a unit in which two or more subjects are needed to answer one question, with outcomes from each assessed on their own terms.",
        "competency": "The educator plans and teaches an interdisciplinary learning experience around a question that genuinely needs more than one discipline, with explicit outcomes and assessment for each subject involved.",
        "key_method": "Choose a question that neither subject can answer alone; map the standards from each subject it addresses; plan lessons where students use each discipline's methods explicitly; assess with a task that shows both sets of outcomes, scored separately.",
        "research": "Integrated curriculum can raise engagement and transfer when each discipline's concepts and methods are taught explicitly; loosely themed units that drop disciplinary outcomes do not show these gains.",
        "subject": "Lesson design",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "16",
        "pd": "20",
        "color": "#00838f",
        "citations": [
            ("Drake, S. M., & Burns, R. C. (2004). Meeting Standards Through Integrated Curriculum. ASCD.", ""),
            (
                "Beane, J. A. (1997). Curriculum Integration: Designing the Core of Democratic Education. Teachers College Press.",
                "",
            ),
        ],
        "alignments": [
            (INTASC, "5", "Application of Content", ""),
            (DANIELSON, "1e", "Designing Coherent Instruction", ""),
        ],
        "video": {
            "title": "Students working across disciplines",
            "instructions": "Record 5–10 minutes from a lesson in the unit where students use methods from both subjects, for example measuring and writing up a science investigation, or using data to make a historical argument.",
            "levels": [
                "The lesson covers one subject; the other appears only as a theme or decoration.",
                "Both subjects appear, but one is only practice of skills already taught, with no new learning.",
                "Students use concepts or methods from both subjects to work on the unit question, and the teacher names which discipline each step draws on.",
                "As for Meets, and students choose which discipline's method to apply to a problem and explain why.",
            ],
        },
        "artifact": {
            "title": "Unit plan and culminating task",
            "instructions": "Upload the unit plan (question, standards from each subject, lesson sequence) and the culminating task with its scoring criteria for each subject. If a colleague co-planned, say who did what.",
            "levels": [
                "No unit plan, or a theme with activities and no standards.",
                "Standards from both subjects are listed, but the task assesses only one of them.",
                "The question needs both subjects, standards from each are mapped to lessons, and the task scores each subject's outcomes separately.",
                "As for Meets, and the plan shows how students' results on the task will be reported to each subject's teacher or in each subject's grade.",
            ],
        },
        "reflection": {
            "prompts": [
                "Why did this question need both disciplines? Would students have learned as much studying them apart?",
                "What did the culminating task show about each subject's outcomes?",
                "What would you change about the balance between the subjects next time?",
            ],
            "levels": [
                "The reflection describes the unit's theme and students' enjoyment only.",
                "The reflection discusses the unit but not the results for each subject.",
                "The reflection uses the task results to judge the learning in each subject and names a change in balance or sequence.",
                "As for Meets, and it identifies where students transferred a method from one subject to the other.",
            ],
        },
    },
    {
        "title": "Engaging Students in Authentic Learning Experiences Connected to Local and Global Issues",
        "summary": "Connect learning to a real issue in students' community or the wider world, with a product that goes to a real audience.",
        "competency": "The educator designs and leads learning in which students investigate a real local or global issue with disciplinary methods and present their findings or solutions to an audience beyond the classroom.",
        "key_method": "Start from an issue students recognise; frame a driving question; have students gather evidence with the subject's methods (data, sources, interviews); plan the real audience and product from the start; give feedback on drafts before the product goes out.",
        "research": "Authentic intellectual work (constructing knowledge through disciplined inquiry with value beyond school) is linked to higher achievement across student groups; project-based learning works best with clear driving questions and structured inquiry.",
        "subject": "Lesson design",
        "grades": ["6_8", "9_12"],
        "effort": "20",
        "pd": "25",
        "color": "#2e7d32",
        "citations": [
            (
                "Newmann, F. M., Marks, H. M., & Gamoran, A. (1996). Authentic pedagogy and student performance. American Journal of Education 104(4), 280–312.",
                "",
            ),
            (
                "Krajcik, J. S., & Blumenfeld, P. C. (2006). Project-based learning. In R. K. Sawyer (Ed.), The Cambridge Handbook of the Learning Sciences. Cambridge University Press.",
                "",
            ),
        ],
        "alignments": [
            (DANIELSON, "3c", "Engaging Students in Learning", ""),
            (INTASC, "5", "Application of Content", ""),
        ],
        "video": {
            "title": "Inquiry and the real audience",
            "instructions": "Record up to 10 minutes across the project: students investigating the issue, and students presenting to or communicating with the outside audience. Get consent from any visitors who appear.",
            "levels": [
                "The issue is discussed, but students do no investigation, or the product goes only to the teacher.",
                "Students investigate, but mostly by collecting facts on the topic; the audience is other students in the class.",
                "Students use the subject's methods to investigate a driving question and present evidence-based findings to an audience beyond the class.",
                "As for Meets, and the audience responds to the students' work, and students answer questions with reference to their evidence.",
            ],
        },
        "artifact": {
            "title": "Project plan and a student product",
            "instructions": "Upload the project plan (issue, driving question, standards, milestones, audience) and one student or group product with the feedback it received on a draft. Remove names.",
            "levels": [
                "No plan, or a plan with no driving question or standards.",
                "A plan with a topic and activities, but no milestones or planned audience; the product has no draft feedback.",
                "A driving question tied to standards, milestones with feedback points and a named audience; the product shows revision after feedback.",
                "As for Meets, and the plan shows how students helped define the question or the audience.",
            ],
        },
        "reflection": {
            "prompts": [
                "How did the real audience change the quality of students' work?",
                "Which students found the issue most and least relevant, and why?",
                "What disciplinary learning does the product show, beyond awareness of the issue?",
            ],
            "levels": [
                "The reflection describes the project's success in general terms.",
                "The reflection discusses engagement but not learning.",
                "The reflection uses the product and the video to show disciplinary learning, and considers which students were less engaged and why.",
                "As for Meets, and it plans how to share more of the choice of issue with students next time.",
            ],
        },
    },
]
