"""Addressing Learning Differences (Institute for Classroom Practice): knowing each learner and designing for all of them."""

from __future__ import annotations

from evident.catalog.demo_content.helpers import DANIELSON, INTASC, Spec

LEARNING_DIFFERENCES: list[Spec] = [
    {
        "title": "Identifying Your Student Learning Needs",
        "summary": "Gather and combine evidence about each student's strengths, needs and interests, and turn it into plans for whole-class, group and individual support.",
        "competency": "The educator collects several kinds of evidence about students (assessment results, work samples, observation, students' and families' own accounts), identifies patterns of strength and need, and plans instruction that responds to them.",
        "key_method": "Build a class profile from at least three sources; look for students whose results disagree across sources; sort needs into those for the whole class, a group, or one student; plan one change for each and set a date to check it.",
        "research": "Differentiated instruction rests on ongoing assessment of readiness, interest and learning profile; screening combined with monitoring of progress finds students who need more support earlier than waiting for failure.",
        "subject": "Diverse learners",
        "grades": ["k_2", "3_5", "6_8", "9_12"],
        "effort": "10",
        "pd": "12",
        "color": "#6a1b9a",
        "citations": [
            (
                "Tomlinson, C. A. (2014). The Differentiated Classroom: Responding to the Needs of All Learners (2nd ed.). ASCD.",
                "",
            ),
            (
                "Fuchs, D., & Fuchs, L. S. (2006). Introduction to response to intervention: What, why, and how valid is it? Reading Research Quarterly 41(1), 93–99.",
                "",
            ),
        ],
        "alignments": [
            (DANIELSON, "1b", "Demonstrating Knowledge of Students", ""),
            (INTASC, "2", "Learning Differences", ""),
        ],
        "video": {
            "title": "Responding to what you learned",
            "instructions": "Record 5–10 minutes of a lesson in which you put one of your planned responses into practice, such as a small group, an adapted task or a different entry point.",
            "levels": [
                "Every student does the same task in the same way, with no visible response to identified needs.",
                "A response is visible but generic (for example, easier worksheets for a fixed low group).",
                "The planned response is clearly tied to an identified need, and the students it targets are able to take part in the lesson's main learning.",
                "As for Meets, and the teacher checks during the clip whether the response is working and adjusts it.",
            ],
        },
        "artifact": {
            "title": "Class learning profile",
            "instructions": "Upload a class profile drawn from at least three sources (use numbers, not names), the patterns you found, and your plan of whole-class, group and individual responses.",
            "levels": [
                "A list of test scores only.",
                "Several sources are listed, but the patterns or the plan are missing.",
                "Three or more sources are combined, patterns are named, and each response in the plan is linked to a need and has a check date.",
                "As for Meets, and the profile includes students' own view of how they learn best and the plan reflects it.",
            ],
        },
        "reflection": {
            "prompts": [
                "Which student's needs looked different once you combined sources, and why?",
                "What did the recorded lesson show about whether your response worked?",
                "Which assumption about a student or group did this work challenge?",
            ],
            "levels": [
                "The reflection labels students by ability without evidence.",
                "The reflection describes the sources but draws no conclusions.",
                "The reflection explains a specific insight from combining sources and evaluates the response with evidence from the video.",
                "As for Meets, and it examines the teacher's own assumptions and how the profile will be kept up to date.",
            ],
        },
    },
    {
        "title": "Collaborating to Meet the Needs of Diverse Learners",
        "summary": "Plan, teach and review with a specialist colleague (special education, English language or intervention) so that students with additional needs learn alongside their peers.",
        "competency": "The educator works with a specialist colleague to plan shared goals for specific students, divides roles in the lesson clearly, and reviews student progress together to adjust support.",
        "key_method": "Hold a short planning meeting with an agenda; agree goals and the adaptations each student needs; choose a co-teaching or support model that fits the lesson; after teaching, look at student work together and decide the next adjustment.",
        "research": "Collaboration between general and specialist educators works when roles are planned and both share responsibility for instruction; teams that collaborate on instruction and assessment see higher achievement gains.",
        "subject": "Diverse learners",
        "grades": ["k_2", "3_5", "6_8", "9_12"],
        "effort": "12",
        "pd": "15",
        "color": "#8e24aa",
        "citations": [
            (
                "Friend, M., Cook, L., Hurley-Chamberlain, D., & Shamberger, C. (2010). Co-teaching: An illustration of the complexity of collaboration in special education. Journal of Educational and Psychological Consultation 20(1), 9–27.",
                "",
            ),
            (
                "Ronfeldt, M., Farmer, S. O., McQueen, K., & Grissom, J. A. (2015). Teacher collaboration in instructional teams and student achievement. American Educational Research Journal 52(3), 475–514.",
                "",
            ),
        ],
        "alignments": [
            (INTASC, "10", "Leadership and Collaboration", ""),
            (DANIELSON, "4d", "Participating in the Professional Community", ""),
        ],
        "video": {
            "title": "Teaching together",
            "instructions": "Record 5–10 minutes of a lesson you teach with, or alongside, your specialist colleague. Both of you must agree to be filmed.",
            "levels": [
                "The colleague is present but has no clear role, or works apart with the same students every time.",
                "Roles are visible but unequal; one adult teaches while the other watches or manages behaviour.",
                "Both adults have planned, active roles, and the students with additional needs take part in the main learning with the agreed adaptations.",
                "As for Meets, and the adults adjust roles or grouping during the lesson in response to what students are doing.",
            ],
        },
        "artifact": {
            "title": "Shared planning and review notes",
            "instructions": "Upload notes from one planning meeting and one review meeting: goals for specific students (no names), agreed adaptations, each adult's role, and what you decided after looking at student work.",
            "levels": [
                "No notes from either meeting.",
                "Planning notes only, or notes with no student goals.",
                "Both meetings are documented with student goals, adaptations, roles and a decision based on student work.",
                "As for Meets, and the notes show how the decision was communicated to the student or family.",
            ],
        },
        "reflection": {
            "prompts": [
                "What did your colleague notice about a student that you had not?",
                "How well did the division of roles serve the students you planned for?",
                "What will you change in how you plan together?",
            ],
            "levels": [
                "The reflection describes the colleague's role without judging its effect.",
                "The reflection discusses the collaboration but not the students.",
                "The reflection connects the collaboration to specific students' progress and names a change in planning or roles.",
                "As for Meets, and it considers how the collaboration could extend to other lessons or colleagues.",
            ],
        },
    },
    {
        "title": "Developing Culturally Responsive Instruction",
        "summary": "Draw on students' cultures, languages and communities as resources for rigorous learning, and keep expectations high for everyone.",
        "competency": "The educator learns about students' cultural and community knowledge, connects lesson content and materials to it, holds every student to rigorous expectations, and invites students to examine whose perspectives a topic includes and leaves out.",
        "key_method": "Gather students' funds of knowledge (interviews, family conversations, community walks); revise a unit so its examples, texts and problems draw on them; keep the cognitive demand high; add a task that asks students to consider perspectives missing from the material.",
        "research": "Culturally relevant and responsive teaching combines high academic expectations with cultural competence and critical consciousness; connecting to students' home and community knowledge supports engagement and learning.",
        "subject": "Diverse learners",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "16",
        "pd": "20",
        "color": "#c62828",
        "citations": [
            (
                "Ladson-Billings, G. (1995). Toward a theory of culturally relevant pedagogy. American Educational Research Journal 32(3), 465–491.",
                "",
            ),
            (
                "Moll, L. C., Amanti, C., Neff, D., & González, N. (1992). Funds of knowledge for teaching: Using a qualitative approach to connect homes and classrooms. Theory Into Practice 31(2), 132–141.",
                "",
            ),
            (
                "Gay, G. (2010). Culturally Responsive Teaching: Theory, Research, and Practice (2nd ed.). Teachers College Press.",
                "",
            ),
        ],
        "alignments": [
            (INTASC, "2", "Learning Differences", ""),
            (DANIELSON, "2b", "Establishing a Culture for Learning", ""),
        ],
        "video": {
            "title": "A culturally responsive lesson",
            "instructions": "Record 5–10 minutes of a lesson from the revised unit, showing how students' knowledge is brought in and the academic work that follows.",
            "levels": [
                "Culture appears as a festival, food or flag, unconnected to the lesson's learning, or expectations are lowered for some students.",
                "Students' experiences are invited, but the lesson then moves on without using them in the academic work.",
                "Students' knowledge is used as a resource for the lesson's content, the task stays demanding, and all students are expected to contribute.",
                "As for Meets, and students question whose perspective a text or problem represents and use evidence to support their view.",
            ],
        },
        "artifact": {
            "title": "Unit revision and what you learned from students",
            "instructions": "Upload a summary of what you learned about students' funds of knowledge (no names), the original and revised unit side by side, and the task that asks students to consider missing perspectives.",
            "levels": [
                "A unit plan with no evidence of learning about students.",
                "Information about students is included, but the unit changes only surface details such as names in word problems.",
                "The revision draws on specific funds of knowledge, keeps the learning goals demanding, and includes a perspectives task.",
                "As for Meets, and families or community members contributed to the unit and how they did so is documented.",
            ],
        },
        "reflection": {
            "prompts": [
                "What did you learn about your students' knowledge that surprised you?",
                "How did the revision change the quality of students' academic work, not just their interest?",
                "Where might your own background shape what you notice or miss in the classroom?",
            ],
            "levels": [
                "The reflection treats culture as a single trait of a group of students.",
                "The reflection describes engagement without discussing learning or the teacher's own perspective.",
                "The reflection links the revision to evidence of academic learning and examines the teacher's own perspective honestly.",
                "As for Meets, and it plans how to continue learning from students and families across the year.",
            ],
        },
    },
    {
        "title": "Using the Sheltered Instruction Observation Protocol to Adapt Instruction for English Learners",
        "summary": "Plan and teach content lessons with language objectives, comprehensible input and structured interaction so English learners learn the content and the language together.",
        "competency": "The educator sets content and language objectives for a lesson, makes input comprehensible (visuals, modelling, adjusted speech), builds background, and plans structured interaction in which English learners use academic language.",
        "key_method": "Use the SIOP components when planning: write a language objective beside the content objective; pre-teach key vocabulary with visuals; plan sentence frames and partner talk; check understanding of both objectives at the end.",
        "research": "Sheltered instruction that plans for content and language together improves English learners' academic language and content achievement; the SIOP model has been tested in several experimental studies.",
        "subject": "English learners",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "14",
        "pd": "18",
        "color": "#00796b",
        "citations": [
            (
                "Echevarría, J., Vogt, M., & Short, D. J. (2017). Making Content Comprehensible for English Learners: The SIOP Model (5th ed.). Pearson.",
                "",
            ),
            (
                "Short, D. J., Fidelman, C. G., & Louguit, M. (2012). Developing academic language in English language learners through sheltered instruction. TESOL Quarterly 46(2), 334–361.",
                "",
            ),
        ],
        "alignments": [
            (INTASC, "2", "Learning Differences", ""),
            (INTASC, "8", "Instructional Strategies", ""),
        ],
        "video": {
            "title": "A sheltered content lesson",
            "instructions": "Record 5–10 minutes of a content lesson with English learners, including how you present new material and a stretch of structured partner or group talk.",
            "levels": [
                "No language objective; English learners listen to unadjusted teacher talk with no visual or interactive support.",
                "Some supports (visuals, vocabulary list) are present, but English learners have little chance to speak or write.",
                "Content and language objectives are shared; input is made comprehensible; English learners use academic language in structured talk with frames.",
                "As for Meets, and the teacher adjusts support during the lesson, removing frames for students who no longer need them.",
            ],
        },
        "artifact": {
            "title": "SIOP lesson plan and language samples",
            "instructions": "Upload a lesson plan annotated with the SIOP components you used, and written or transcribed language samples from two English learners at different proficiency levels (no names).",
            "levels": [
                "A content plan with no language objective.",
                "A language objective is present but not assessed, or samples are missing.",
                "The plan shows content and language objectives, comprehensible input, and planned interaction; samples are analysed against the language objective.",
                "As for Meets, and the analysis leads to different next steps for the two learners according to proficiency.",
            ],
        },
        "reflection": {
            "prompts": [
                "How well did the two learners meet the language objective, and what is your evidence?",
                "Which support made the content most accessible, and which was unnecessary?",
                "How will you balance challenge and support for these learners next week?",
            ],
            "levels": [
                "The reflection discusses English learners as one group without evidence.",
                "The reflection mentions the supports used but not their effect.",
                "The reflection judges progress on both objectives from the samples and names supports to keep, change or remove.",
                "As for Meets, and it uses the learners' proficiency levels to plan how supports will be withdrawn over time.",
            ],
        },
    },
    {
        "title": "Implementing Universal Design for Learning",
        "summary": "Design lessons with flexible ways to engage, take in information and show learning, so fewer students need separate adaptations.",
        "competency": "The educator identifies barriers in a lesson before teaching it and designs options for engagement, representation, and action and expression, while keeping one firm learning goal for all students.",
        "key_method": "State the fixed goal; list what in the lesson could get in the way for different learners; add options across the three UDL principles (choice of entry task, text with audio and visuals, several ways to show understanding); teach students to choose well.",
        "research": "Universal Design for Learning applies findings on learner variability: offering planned options reduces barriers for students with disabilities and benefits others, provided the goal itself is not diluted.",
        "subject": "Diverse learners",
        "grades": ["k_2", "3_5", "6_8", "9_12"],
        "effort": "12",
        "pd": "15",
        "color": "#5e35b1",
        "citations": [
            (
                "Meyer, A., Rose, D. H., & Gordon, D. (2014). Universal Design for Learning: Theory and Practice. CAST Professional Publishing.",
                "",
            ),
            ("CAST (2018). Universal Design for Learning Guidelines version 2.2.", "https://udlguidelines.cast.org/"),
        ],
        "alignments": [
            (INTASC, "2", "Learning Differences", ""),
            (DANIELSON, "1e", "Designing Coherent Instruction", ""),
        ],
        "video": {
            "title": "Options in use",
            "instructions": "Record 5–10 minutes of the lesson while students work, showing at least two of the options you designed being used by different students.",
            "levels": [
                "One fixed way to take part and show learning; students who struggle are given a separate, easier task.",
                "Options exist but only one is presented, or students are assigned to options by the teacher without a reason.",
                "Students choose among options tied to the same goal, use them to reach it, and the teacher helps them choose well.",
                "As for Meets, and students explain why the option they chose helps them learn.",
            ],
        },
        "artifact": {
            "title": "Barrier analysis and UDL lesson plan",
            "instructions": "Upload your list of barriers in the original lesson, the redesigned plan showing options under each UDL principle, and three pieces of student work showing different ways of expressing learning.",
            "levels": [
                "A plan with no barrier analysis.",
                "Barriers are listed, but options cover only one principle or change the goal.",
                "Barriers are mapped to options under all three principles, the goal stays the same, and the work samples show it met in different ways.",
                "As for Meets, and the plan shows how options will be added to other lessons in the unit.",
            ],
        },
        "reflection": {
            "prompts": [
                "Which barrier did your redesign remove, and for whom?",
                "Did any option lower the challenge of the goal? How do you know?",
                "How did students learn to choose the option that helps them?",
            ],
            "levels": [
                "The reflection lists options without discussing barriers or the goal.",
                "The reflection describes students' choices without judging their effect.",
                "The reflection uses the video and work samples to show which barriers were removed while the goal held.",
                "As for Meets, and it plans how students will give feedback on the options.",
            ],
        },
    },
]
