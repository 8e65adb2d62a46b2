"""Personalized Learning (Teaching Forward): profiles, paths, goals, voice and progress by proficiency."""

from __future__ import annotations

from evident.catalog.demo_content.helpers import DANIELSON, INTASC, Spec

PERSONALIZED_LEARNING: list[Spec] = [
    {
        "title": "Creating Learner Profiles",
        "summary": "Build a living profile of each learner's strengths, needs, interests and goals with the learner, and use it to plan.",
        "competency": "The educator works with each student to build a learner profile that combines academic evidence with the student's interests, preferences and goals, keeps it current, and uses it in planning.",
        "key_method": "Design a short profile template; complete it in a conference with each student (and, where possible, their family); include recent evidence, not only preferences; review profiles at set points; refer to them when choosing tasks and groups.",
        "research": "Learner profiles are one of the common elements of personalized learning models studied by RAND; schools using them reported more targeted instruction, with gains strongest where profiles fed directly into planning.",
        "subject": "Personalized learning",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "10",
        "pd": "12",
        "color": "#0097a7",
        "citations": [
            (
                "Pane, J. F., Steiner, E. D., Baird, M. D., & Hamilton, L. S. (2015). Continued Progress: Promising Evidence on Personalized Learning. RAND Corporation.",
                "",
            ),
            (
                "Tomlinson, C. A. (2014). The Differentiated Classroom: Responding to the Needs of All Learners (2nd ed.). ASCD.",
                "",
            ),
        ],
        "alignments": [
            (DANIELSON, "1b", "Demonstrating Knowledge of Students", ""),
            (INTASC, "1", "Learner Development", ""),
        ],
        "video": {
            "title": "A profile conference",
            "instructions": "Record a 5–10 minute conference in which you and a student build or review their profile (with the student's and family's permission).",
            "levels": [
                "The teacher fills in the profile; the student answers yes or no.",
                "The student shares interests, but academic evidence is not discussed.",
                "The student and teacher discuss evidence, interests and goals together, and the student's words shape the profile.",
                "As for Meets, and the student proposes how the profile should change what they do in class.",
            ],
        },
        "artifact": {
            "title": "Profiles and a plan that uses them",
            "instructions": "Upload the template, three completed profiles (anonymised), and a lesson or unit plan showing where profile information changed your decisions.",
            "levels": [
                "A template only.",
                "Profiles with interests only, or no link to planning.",
                "Profiles combine evidence, interests and goals, and the plan shows specific decisions based on them.",
                "As for Meets, and the profiles show an update after a review point.",
            ],
        },
        "reflection": {
            "prompts": [
                "What did a student tell you that changed how you teach them?",
                "How did you balance what students prefer with what the evidence says they need?",
                "How will you keep profiles current without them becoming paperwork?",
            ],
            "levels": [
                "The reflection describes the template.",
                "The reflection speaks of knowing students better without examples.",
                "The reflection gives a specific example of a profile changing instruction and addresses preference versus need.",
                "As for Meets, and it plans a sustainable review cycle involving students.",
            ],
        },
    },
    {
        "title": "Developing Customized Learning Paths",
        "summary": "Offer students different routes to the same learning goals, with checkpoints that keep each path on track.",
        "competency": "The educator designs learning paths that vary in sequence, pace, resources or tasks according to students' needs and profiles, while holding the same learning goals and checkpoints for all.",
        "key_method": "Map a unit's goals; design two or three routes (for example, one with more modelling, one with an extension project); set shared checkpoints; assign or let students choose a path with reasons; move students between paths based on checkpoint evidence.",
        "research": "Personal learning paths are a core element of personalized learning; RAND's studies found positive effects where flexible paths were paired with clear goals and frequent data on progress.",
        "subject": "Personalized learning",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "14",
        "pd": "18",
        "color": "#00838f",
        "citations": [
            (
                "Pane, J. F. et al. (2017). Informing Progress: Insights on Personalized Learning Implementation and Effects. RAND Corporation.",
                "",
            ),
        ],
        "alignments": [
            (INTASC, "7", "Planning for Instruction", ""),
            (INTASC, "2", "Learning Differences", ""),
        ],
        "video": {
            "title": "Paths in progress",
            "instructions": "Record 5–10 minutes in which students are working on different paths, including a checkpoint conversation with one student.",
            "levels": [
                "All students follow the same sequence, or paths differ only in the amount of work.",
                "Paths exist, but students cannot say why they are on theirs or what comes next.",
                "Students work on different routes to the same goal, can explain their path and next checkpoint, and the teacher uses a checkpoint to adjust a path.",
                "As for Meets, and students manage their own progress on a visible tracker.",
            ],
        },
        "artifact": {
            "title": "Path map and checkpoint record",
            "instructions": "Upload the map of paths for a unit (goals, routes, checkpoints) and a record showing students' paths and any changes (no names).",
            "levels": [
                "No path map.",
                "Paths are described, but goals differ between them or checkpoints are missing.",
                "All paths lead to the same goals with shared checkpoints, and the record shows moves between paths.",
                "As for Meets, and the record shows every path's students meeting the goals, or a plan for those who did not.",
            ],
        },
        "reflection": {
            "prompts": [
                "How did you decide which students took which path?",
                "Did any path end up being easier rather than different? How do you know?",
                "What did checkpoint evidence lead you to change?",
            ],
            "levels": [
                "The reflection describes the paths.",
                "The reflection discusses assignment to paths without evidence.",
                "The reflection evaluates paths with checkpoint evidence, including whether each held the goal, and names changes.",
                "As for Meets, and it plans how students will take more part in choosing their path.",
            ],
        },
    },
    {
        "title": "Developing Learner Independence",
        "summary": "Teach students to plan, monitor and evaluate their own learning so they can work productively without constant direction.",
        "competency": "The educator explicitly teaches self-regulation strategies (planning, monitoring, seeking help, evaluating), gradually releases responsibility, and supports students in managing their own learning.",
        "key_method": "Model a plan–do–review cycle; give students a simple planning and monitoring tool; teach a help-seeking routine (try, check resources, ask a peer, then the teacher); reduce prompts over weeks; review with students how well they managed.",
        "research": "Self-regulated learners set goals, use strategies and monitor their progress; these skills can be taught and are associated with higher achievement, especially when teachers support autonomy rather than control.",
        "subject": "Personalized learning",
        "grades": ["k_2", "3_5", "6_8"],
        "effort": "10",
        "pd": "12",
        "color": "#006064",
        "citations": [
            (
                "Zimmerman, B. J. (2002). Becoming a self-regulated learner: An overview. Theory Into Practice 41(2), 64–70.",
                "",
            ),
            (
                "Reeve, J. (2006). Teachers as facilitators: What autonomy-supportive teachers do and why their students benefit. The Elementary School Journal 106(3), 225–236.",
                "",
            ),
        ],
        "alignments": [
            (INTASC, "3", "Learning Environments", ""),
            (DANIELSON, "3c", "Engaging Students in Learning", ""),
        ],
        "video": {
            "title": "Independent work time",
            "instructions": "Record 5–10 minutes of a work period in which students use the planning tool and help-seeking routine.",
            "levels": [
                "Students wait for direction or queue for the teacher; no strategies are visible.",
                "Strategies are displayed, but students rely on the teacher to use them.",
                "Students plan their work, use the help-seeking routine, and monitor progress with little prompting.",
                "As for Meets, and students review their plan at the end and adjust it for next time.",
            ],
        },
        "artifact": {
            "title": "Tools and a release plan",
            "instructions": "Upload the planning and monitoring tool, two students' completed tools over a few weeks (anonymised), and your plan for reducing support.",
            "levels": [
                "A tool only.",
                "Completed tools from one day only.",
                "Tools completed over weeks show growing independence, and the plan shows how support is reduced.",
                "As for Meets, and students' own comments on their independence are included.",
            ],
        },
        "reflection": {
            "prompts": [
                "Which self-regulation strategy did students adopt most readily, and which did they resist?",
                "How did you decide when to step back?",
                "Which students still depend on you, and what will you try next?",
            ],
            "levels": [
                "The reflection describes the tools.",
                "The reflection says students became more independent without evidence.",
                "The reflection uses the video and tools to show growth and plans for students still dependent.",
                "As for Meets, and it considers how the classroom structure itself might limit independence.",
            ],
        },
    },
    {
        "title": "Infusing Learner Voice",
        "summary": "Give students real influence over what and how they learn, and show them how their input changed the classroom.",
        "competency": "The educator creates regular, structured opportunities for students to shape content, tasks, classroom processes or assessment, acts on their input and reports back what changed.",
        "key_method": "Choose decisions students can genuinely influence; gather input in several ways (surveys, discussion, student panels); make and explain a change based on it; close the loop by telling students what changed and why.",
        "research": "Meaningful student voice, where input leads to change, is associated with greater agency, belonging and competence; autonomy-supportive environments increase intrinsic motivation.",
        "subject": "Personalized learning",
        "grades": ["6_8", "9_12"],
        "effort": "8",
        "pd": "10",
        "color": "#0288d1",
        "citations": [
            (
                "Mitra, D. L. (2004). The significance of students: Can increasing “student voice” in schools lead to gains in youth development? Teachers College Record 106(4), 651–688.",
                "",
            ),
            (
                "Ryan, R. M., & Deci, E. L. (2000). Self-determination theory and the facilitation of intrinsic motivation, social development, and well-being. American Psychologist 55(1), 68–78.",
                "",
            ),
        ],
        "alignments": [
            (INTASC, "3", "Learning Environments", ""),
            (DANIELSON, "2b", "Establishing a Culture for Learning", ""),
        ],
        "video": {
            "title": "Students shaping learning",
            "instructions": "Record 5–10 minutes of students giving input on a classroom decision and, separately, you reporting back what changed.",
            "levels": [
                "Students are asked for opinions on trivial matters, or input is not acted on.",
                "Input is gathered on a meaningful decision, but students do not learn what happened to it.",
                "Students influence a meaningful decision, and the teacher explains what changed as a result and why.",
                "As for Meets, and students lead part of the process, such as facilitating the discussion.",
            ],
        },
        "artifact": {
            "title": "Input and response record",
            "instructions": "Upload the tools you used to gather input, a summary of what students said, and what you changed and communicated.",
            "levels": [
                "No record of input.",
                "Input is summarised but no change is recorded.",
                "The record shows input, the change made and how it was communicated to students.",
                "As for Meets, and a second round shows students' view of the change.",
            ],
        },
        "reflection": {
            "prompts": [
                "Which student input was hardest to act on, and what did you do?",
                "Whose voices were missing, and how will you hear them?",
                "How has giving students influence changed their engagement?",
            ],
            "levels": [
                "The reflection speaks of valuing voice without examples.",
                "The reflection describes input without discussing its effect.",
                "The reflection gives examples of input and change, considers missing voices, and assesses effects.",
                "As for Meets, and it plans to extend voice to assessment or curriculum decisions.",
            ],
        },
    },
    {
        "title": "Setting Personal Learning Goals for Students",
        "summary": "Help each student set specific, challenging learning goals, plan how to reach them, and track their progress.",
        "competency": "The educator guides students to set specific, challenging and attainable learning goals grounded in evidence, to plan strategies to reach them, to monitor progress and to reflect on results.",
        "key_method": "Review recent evidence with the student; set a specific goal in terms of learning (not grades); choose strategies and a timeline; schedule check-ins; at the end, compare results with the goal and set the next one.",
        "research": "Specific, challenging goals improve performance more than vague ones, and self-set goals with progress monitoring support self-efficacy and self-regulation.",
        "subject": "Personalized learning",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "8",
        "pd": "10",
        "color": "#01579b",
        "citations": [
            (
                "Locke, E. A., & Latham, G. P. (2002). Building a practically useful theory of goal setting and task motivation: A 35-year odyssey. American Psychologist 57(9), 705–717.",
                "",
            ),
            (
                "Schunk, D. H. (1990). Goal setting and self-efficacy during self-regulated learning. Educational Psychologist 25(1), 71–86.",
                "",
            ),
        ],
        "alignments": [
            (INTASC, "1", "Learner Development", ""),
            (DANIELSON, "3d", "Using Assessment in Instruction", ""),
        ],
        "video": {
            "title": "A goal-setting conference",
            "instructions": "Record a 5–10 minute conference in which a student sets or reviews a learning goal with you (with permission).",
            "levels": [
                "The teacher sets the goal, or the goal is vague (“do better in maths”).",
                "The goal is specific but not based on evidence, or no strategies are planned.",
                "The student sets a specific, evidence-based learning goal with strategies and a timeline, with the teacher guiding by questions.",
                "As for Meets, and the student reviews a previous goal and uses the result to shape the new one.",
            ],
        },
        "artifact": {
            "title": "Goal records",
            "instructions": "Upload three students' goal records over one cycle (anonymised): the evidence, goal, strategies, check-ins and results.",
            "levels": [
                "Goals without evidence or results.",
                "Goals and results without strategies or check-ins.",
                "Complete records show evidence-based goals, strategies, check-ins and results for each student.",
                "As for Meets, and the records show the next goal building on the first.",
            ],
        },
        "reflection": {
            "prompts": [
                "How well did students' goals balance challenge and attainability?",
                "What did check-ins reveal, and how did you respond?",
                "How did setting goals affect students' motivation or self-belief?",
            ],
            "levels": [
                "The reflection lists goals.",
                "The reflection comments on success without evidence.",
                "The reflection evaluates goals and check-ins with evidence and discusses effects on students.",
                "As for Meets, and it plans how students will support each other's goals.",
            ],
        },
    },
    {
        "title": "Focusing on Proficiency-Based Progress",
        "summary": "Let students advance when they show proficiency on clear learning targets, and give more time and support to those who have not yet.",
        "competency": "The educator defines clear proficiency targets, assesses them with evidence students can retake or extend, reports progress by target rather than averages, and organises time so students can move on or get more support.",
        "key_method": "Break the unit into targets with proficiency descriptions; assess each with a short task; report per target; offer corrective instruction and a second attempt for students not yet proficient, and enrichment for those who are.",
        "research": "Mastery learning, where students receive feedback and corrective instruction before moving on, has consistent positive effects on achievement; reporting by target gives clearer information than averaged grades.",
        "subject": "Personalized learning",
        "grades": ["6_8", "9_12"],
        "effort": "14",
        "pd": "18",
        "color": "#0d47a1",
        "citations": [
            ("Guskey, T. R. (2010). Lessons of mastery learning. Educational Leadership 68(2), 52–57.", ""),
            (
                "Kulik, C.-L. C., Kulik, J. A., & Bangert-Drowns, R. L. (1990). Effectiveness of mastery learning programs: A meta-analysis. Review of Educational Research 60(2), 265–299.",
                "",
            ),
        ],
        "alignments": [
            (INTASC, "6", "Assessment", ""),
            (DANIELSON, "1c", "Setting Instructional Outcomes", ""),
        ],
        "video": {
            "title": "Corrective and extension time",
            "instructions": "Record 5–10 minutes of a lesson after an assessment, showing students not yet proficient receiving corrective instruction and others extending.",
            "levels": [
                "All students move on regardless of results.",
                "Students who were not proficient redo the same task without new instruction.",
                "Students not yet proficient receive different instruction on the target, while proficient students extend their learning.",
                "As for Meets, and students can explain which target they are working on and why.",
            ],
        },
        "artifact": {
            "title": "Targets and progress report",
            "instructions": "Upload the unit targets with proficiency descriptions, a class progress report by target (no names), and two students' first and second attempts.",
            "levels": [
                "Grades only.",
                "Targets without proficiency descriptions, or a report using averages.",
                "Targets have proficiency descriptions, the report shows progress per target, and second attempts show growth after corrective instruction.",
                "As for Meets, and the report is shared with students and families in a form they can use.",
            ],
        },
        "reflection": {
            "prompts": [
                "How did reporting by target change what you and your students noticed?",
                "What happened for students who needed a second attempt?",
                "What constraints (time, grading policy) did you meet, and how did you work within them?",
            ],
            "levels": [
                "The reflection describes the system.",
                "The reflection notes benefits or problems without evidence.",
                "The reflection uses the report and second attempts to evaluate the approach and addresses constraints.",
                "As for Meets, and it plans how to work with colleagues on shared targets.",
            ],
        },
    },
]
