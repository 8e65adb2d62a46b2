"""Classroom Management (Institute for Classroom Practice): routines and shared expectations."""

from __future__ import annotations

from evident.catalog.demo_content.helpers import DANIELSON, Spec

CLASSROOM_MANAGEMENT: list[Spec] = [
    {
        "title": "Maximizing Learning Through Classroom Routines",
        "summary": "Teach and practise routines so that transitions and materials take seconds, not minutes, and learning time grows.",
        "competency": "The educator explicitly teaches a classroom routine, has students practise it, and reinforces it until students carry it out on their own.",
        "key_method": "Name the routine, model each step, have students practise with feedback, and re-teach quickly when it slips; time it to show students their progress.",
        "research": "Well-taught routines reduce time lost to transitions and disruption and are a foundation for effective classroom management.",
        "subject": "Classroom management",
        "grades": ["k_2", "3_5", "6_8", "9_12"],
        "effort": "8",
        "pd": "10",
        "color": "#37474f",
        "citations": [
            (
                "Emmer, E. T., Evertson, C. M., & Anderson, L. M. (1980). Effective classroom management at the beginning of the school year. The Elementary School Journal 80(5), 219–231.",
                "",
            ),
        ],
        "alignments": [(DANIELSON, "2c", "Managing Classroom Procedures", "")],
        "video": {
            "title": "A routine on video",
            "instructions": "Record a routine being taught or practised, and the same routine a week or more later.",
            "levels": [
                "The routine is not taught; students are told what to do each time.",
                "The routine is explained but not practised, or feedback is general.",
                "The routine is modelled and practised with specific feedback, and the second clip shows students doing it with few reminders.",
                "As for Meets, and students lead or monitor the routine themselves in the second clip.",
            ],
        },
        "artifact": {
            "title": "Routine plan and timing record",
            "instructions": "Upload the steps of the routine as you taught them and a record of how long it took over several days.",
            "levels": [
                "No plan or record.",
                "Steps are listed but the timing record is missing or one day only.",
                "Clear steps and a record over several days showing the routine getting faster.",
                "As for Meets, and the record led to a change in how the routine is taught.",
            ],
        },
        "reflection": {
            "prompts": [
                "How much learning time did the routine give back?",
                "Which students needed more practice, and what did you do?",
                "Which routine will you teach next, and what will you do differently when you teach it?",
            ],
            "levels": [
                "No evidence of time saved.",
                "A general statement about time saved.",
                "Time saved is estimated from the record, and support for students who struggled is described.",
                "As for Meets, and the reflection plans the next routine to teach with the same approach.",
            ],
        },
    },
    {
        "title": "Promoting Shared Values and Expectations",
        "summary": "Build classroom expectations with students and hold everyone to them consistently and respectfully.",
        "competency": "The educator co-creates a small set of classroom expectations with students, teaches what they look like, and responds to behaviour consistently.",
        "key_method": "Discuss values with the class, agree three to five expectations in positive language, teach examples and non-examples, and acknowledge students who meet them.",
        "research": "Clear, positively stated expectations that are taught and acknowledged reduce disruptive behaviour and improve the classroom climate.",
        "subject": "Classroom management",
        "grades": ["k_2", "3_5", "6_8", "9_12"],
        "effort": "8",
        "pd": "10",
        "color": "#5d4037",
        "citations": [
            (
                "Simonsen, B. et al. (2008). Evidence-based practices in classroom management: Considerations for research to practice. Education and Treatment of Children 31(3), 351–380.",
                "",
            ),
        ],
        "alignments": [(DANIELSON, "2d", "Managing Student Behavior", "")],
        "video": {
            "title": "Expectations in action",
            "instructions": "Record the class discussing or practising the expectations, and a stretch of ordinary teaching where you respond to behaviour.",
            "levels": [
                "Expectations are not visible or are stated only as rules to obey.",
                "Expectations are stated, but responses to behaviour are inconsistent.",
                "Students can explain the expectations; the teacher acknowledges them being met and redirects calmly and consistently.",
                "As for Meets, and students remind each other of the expectations respectfully.",
            ],
        },
        "artifact": {
            "title": "The expectations and how they were made",
            "instructions": "Upload the expectations as displayed and notes or student work from the session where the class created them.",
            "levels": [
                "No artifact.",
                "A list of rules with no sign of student input.",
                "Positively stated expectations with evidence of how students shaped them.",
                "As for Meets, and evidence that they were revisited with the class after a few weeks.",
            ],
        },
        "reflection": {
            "prompts": [
                "How did involving students change the expectations?",
                "What pattern do you see in how you respond to behaviour?",
                "Which expectation is hardest for the class to meet, and what will you re-teach?",
            ],
            "levels": [
                "No reflection on student involvement.",
                "Student involvement is mentioned without examples.",
                "Examples of student input and of the teacher's own responses are analysed honestly.",
                "As for Meets, and the reflection sets a goal for consistency and a way to check it.",
            ],
        },
    },
]
