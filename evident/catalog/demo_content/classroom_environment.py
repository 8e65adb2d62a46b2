"""Classroom Environment (Institute for Classroom Practice): the room, the relationships and the response to behaviour."""

from __future__ import annotations

from evident.catalog.demo_content.helpers import DANIELSON, INTASC, Spec

CLASSROOM_ENVIRONMENT: list[Spec] = [
    {
        "title": "Creating Physical Environments for Learning",
        "summary": "Arrange furniture, materials and displays so that every student can see, move, reach what they need and work in the groupings the lesson calls for.",
        "competency": "The educator deliberately arranges the classroom's space, materials and displays to fit the learning planned, keeps the room accessible to every student, and changes the arrangement when the work changes.",
        "key_method": "Map the room against the week's activities (whole-class talk, partner work, independent work), clear sight lines and walkways, label and place materials where students can get them without help, and keep walls to displays students actually use.",
        "research": "Classrooms with clear sight lines, flexible grouping space and uncluttered walls help students attend and take part; heavily decorated walls pull young children's attention away from instruction.",
        "subject": "Classroom management",
        "grades": ["early_childhood", "k_2", "3_5", "6_8"],
        "effort": "6",
        "pd": "8",
        "color": "#546e7a",
        "citations": [
            (
                "Barrett, P., Davies, F., Zhang, Y., & Barrett, L. (2015). The impact of classroom design on pupils' learning: Final results of a holistic, multi-level analysis. Building and Environment 89, 118–133.",
                "",
            ),
            (
                "Fisher, A. V., Godwin, K. E., & Seltman, H. (2014). Visual environment, attention allocation, and learning in young children: When too much of a good thing may be bad. Psychological Science 25(7), 1362–1370.",
                "",
            ),
        ],
        "alignments": [
            (DANIELSON, "2e", "Organizing Physical Space", ""),
            (INTASC, "3", "Learning Environments", ""),
        ],
        "video": {
            "title": "A walk-through and the room in use",
            "instructions": "Record a short walk-through of the empty room, naming why each area is arranged as it is, then 3–5 minutes of a lesson in which students move between areas or fetch materials. Film from the back so students' faces are not the focus.",
            "levels": [
                "The walk-through does not explain the arrangement, or students in the lesson cannot reach materials or see the teaching.",
                "The arrangement is explained, but in the lesson some students cannot see, walkways are blocked, or the teacher hands out every material.",
                "Each area has a stated purpose that matches the lesson; students see the teaching, move along clear paths and collect and return materials themselves.",
                "As for Meets, and the room is changed for a different kind of work during the clip, quickly and by students following a known routine.",
            ],
        },
        "artifact": {
            "title": "Floor plan with reasons",
            "instructions": "Upload a sketch or photo-based floor plan of the room, annotated with the purpose of each area, where materials live, and how a student using a wheelchair or needing a quiet space is accommodated.",
            "levels": [
                "No plan, or a plan with no annotations.",
                "Areas are labelled, but the plan does not say how they serve learning or access.",
                "Every area and material station is annotated with its purpose, and the plan shows accessible routes and a quieter space.",
                "As for Meets, and the plan shows a second arrangement for a different kind of lesson and how the class switches between them.",
            ],
        },
        "reflection": {
            "prompts": [
                "Which part of the room did students use as you intended, and which part did they avoid or misuse?",
                "What did you remove from the walls or the floor, and what difference did it make?",
                "Which student's needs most shaped the arrangement, and how will you check it still works for them?",
            ],
            "levels": [
                "The reflection describes the room without reference to how students used it.",
                "The reflection states the room works well, with little evidence from the video.",
                "The reflection uses moments from the video to judge which areas work, and names a specific change and who it is for.",
                "As for Meets, and it plans how to gather students' own views of the space and when the arrangement will be reviewed.",
            ],
        },
    },
    {
        "title": "Developing a Climate of Respect and Rapport",
        "summary": "Build warm, respectful relationships with every student and among students, so that everyone is willing to take risks in learning.",
        "competency": "The educator interacts with students warmly and respectfully, learns about their interests and lives, and teaches students to treat one another with respect, repairing harm when it happens.",
        "key_method": "Greet students by name, make regular individual contact (including with quieter students), use respectful language and tone consistently, teach and practise how to disagree respectfully, and follow up privately after a difficult moment.",
        "research": "Positive teacher–student relationships are associated with higher engagement, achievement and fewer behaviour problems, and the effect is stronger for students who have had difficult school experiences.",
        "subject": "Classroom management",
        "grades": ["k_2", "3_5", "6_8", "9_12"],
        "effort": "10",
        "pd": "12",
        "color": "#ad1457",
        "citations": [
            (
                "Cornelius-White, J. (2007). Learner-centered teacher-student relationships are effective: A meta-analysis. Review of Educational Research 77(1), 113–143.",
                "",
            ),
            (
                "Pianta, R. C., La Paro, K. M., & Hamre, B. K. (2008). Classroom Assessment Scoring System (CLASS) Manual, K–3. Brookes.",
                "",
            ),
        ],
        "alignments": [
            (DANIELSON, "2a", "Creating an Environment of Respect and Rapport", ""),
            (INTASC, "3", "Learning Environments", ""),
        ],
        "video": {
            "title": "Everyday interactions on video",
            "instructions": "Record 5–10 minutes that include the start of a lesson and a stretch of student work where you talk with individuals or groups. Make sure your voice and students' replies can be heard.",
            "levels": [
                "Interactions are curt or sarcastic, or some students are ignored or spoken to dismissively.",
                "The teacher is polite, but contact is mostly with a few students and talk is about tasks only.",
                "The teacher uses students' names, speaks warmly to a wide range of students, shows interest in their ideas, and students speak respectfully to each other.",
                "As for Meets, and students spontaneously support or encourage each other, and the teacher acknowledges a mistake or a student's feelings openly.",
            ],
        },
        "artifact": {
            "title": "Contact log over two weeks",
            "instructions": "Upload a log of individual positive contacts with students over two weeks (initials or numbers, not names), with a note on the students you found hardest to reach and what you tried.",
            "levels": [
                "No log, or a log of one or two days.",
                "A log that shows contact concentrated on a few students, with no comment on the gaps.",
                "A two-week log showing contact with every student, and notes on what was tried with the hardest to reach.",
                "As for Meets, and the log shows a change in contact with those students over the two weeks and what followed from it.",
            ],
        },
        "reflection": {
            "prompts": [
                "Which interaction in the video best shows the relationship you want with your students, and why?",
                "Who did your log show you were missing, and what did you learn when you reached out?",
                "How do students treat each other when you are not directing them, and what will you teach next?",
            ],
            "levels": [
                "The reflection speaks of caring for students without examples.",
                "The reflection gives examples but does not use the log or the video.",
                "The reflection draws on the log and a moment in the video and names a concrete next step for specific students.",
                "As for Meets, and it considers how students' cultures or experiences shape what respect looks like to them.",
            ],
        },
    },
    {
        "title": "Redirecting Student Behavior to Meet Classroom Expectations",
        "summary": "Respond to off-task or disruptive behaviour quickly, calmly and privately, so the student returns to learning and the lesson keeps moving.",
        "competency": "The educator notices behaviour that departs from the classroom expectations early, redirects it with the least intrusive effective response, and follows up so the student can meet the expectation next time.",
        "key_method": "Scan the room, use proximity, a look or a quiet prompt first; name the expected behaviour rather than the problem; offer a choice when needed; acknowledge the student once they are back on track; and follow up privately after the lesson.",
        "research": "Low-intrusion, pre-planned responses combined with specific praise for expected behaviour reduce disruption more than reprimands; empathic, relationship-preserving discipline lowers suspensions.",
        "subject": "Classroom management",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "8",
        "pd": "10",
        "color": "#6d4c41",
        "citations": [
            (
                "Kern, L., & Clemens, N. H. (2007). Antecedent strategies to promote appropriate classroom behavior. Psychology in the Schools 44(1), 65–75.",
                "",
            ),
            (
                "Okonofua, J. A., Paunesku, D., & Walton, G. M. (2016). Brief intervention to encourage empathic discipline cuts suspension rates in half among adolescents. Proceedings of the National Academy of Sciences 113(19), 5221–5226.",
                "",
            ),
        ],
        "alignments": [
            (DANIELSON, "2d", "Managing Student Behavior", ""),
            (INTASC, "3", "Learning Environments", ""),
        ],
        "video": {
            "title": "Redirection during a lesson",
            "instructions": "Record 5–10 minutes of an ordinary lesson that includes at least two moments where you redirect behaviour. Blur or crop faces if your school requires it; say in your artifact at what times the redirections happen.",
            "levels": [
                "Behaviour is ignored until it escalates, or redirection is public, sarcastic or stops the lesson for everyone.",
                "Behaviour is addressed, but with a public reprimand or a long exchange while the rest of the class waits.",
                "Behaviour is noticed early and redirected briefly and privately by naming the expected behaviour; the student returns to work and the lesson continues.",
                "As for Meets, and the teacher acknowledges the student once they are back on task and prevents a second incident by adjusting the activity or seating.",
            ],
        },
        "artifact": {
            "title": "Redirection plan and incident notes",
            "instructions": "Upload your ladder of responses from least to most intrusive, and notes on three incidents over a week: what happened before, what you did, and what happened after. Use no student names.",
            "levels": [
                "No plan or no incident notes.",
                "A list of consequences with no less intrusive steps, or notes that record the behaviour only.",
                "A graduated plan starting with non-verbal prompts, and notes on three incidents recording what came before, the response and the result.",
                "As for Meets, and the notes show a pattern across incidents and a change to the lesson or environment that prevented a recurrence.",
            ],
        },
        "reflection": {
            "prompts": [
                "What happened just before each redirection in the video, and could it have been prevented?",
                "Which response on your ladder did you use most, and how well did it work?",
                "How did you follow up with a student privately, and what did you agree?",
            ],
            "levels": [
                "The reflection blames the student or describes behaviour without the teacher's part in it.",
                "The reflection describes the responses but not their effect.",
                "The reflection analyses the antecedents and the effect of each response, and names a prevention step.",
                "As for Meets, and it examines whether some students are redirected more than others and what that suggests.",
            ],
        },
    },
]
