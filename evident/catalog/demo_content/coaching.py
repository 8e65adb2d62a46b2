"""Effective Coaching (Cascadia Education Association): coaching cycles, interventions and professional learning for colleagues."""

from __future__ import annotations

from evident.catalog.demo_content.helpers import DANIELSON, TEACHER_LEADER, Spec

COACHING_REFLECTION = (
    "Write about the coaching or professional learning you recorded: what it shows about the teachers' learning "
    "and its effect on students, and what you will do next."
)
CONSENT = "Every adult who appears must agree to be recorded; keep students out of the frame."

COACHING: list[Spec] = [
    {
        "title": "Coaching for Improvement",
        "summary": "Lead a full coaching cycle with a teacher, from a goal set on student outcomes to evidence that practice and results changed.",
        "competency": "The coach partners with a teacher through a complete cycle: setting a student-centred goal, choosing a high-leverage strategy, modelling or co-teaching it, observing, analysing evidence together and deciding next steps.",
        "key_method": "Identify a goal in terms of student learning with a measure; select one teaching strategy; explain and model it; the teacher practises with support; gather student evidence regularly; meet to review progress; continue, adapt or change the strategy.",
        "research": "Meta-analysis of causal studies finds that coaching improves instruction and student achievement; cycles that are sustained, focused on specific practices and tied to student outcomes have the largest effects.",
        "subject": "Coaching",
        "grades": ["adult"],
        "effort": "20",
        "pd": "25",
        "color": "#c2185b",
        "citations": [
            (
                "Kraft, M. A., Blazar, D., & Hogan, D. (2018). The effect of teacher coaching on instruction and achievement: A meta-analysis of the causal evidence. Review of Educational Research 88(4), 547–588.",
                "",
            ),
            ("Knight, J. (2007). Instructional Coaching: A Partnership Approach to Improving Instruction. Corwin.", ""),
        ],
        "alignments": [
            (TEACHER_LEADER, "Domain IV", "Facilitating Improvements in Instruction and Student Learning", ""),
            (TEACHER_LEADER, "Domain III", "Promoting Professional Learning for Continuous Improvement", ""),
        ],
        "video": {
            "title": "Goal-setting and review meetings",
            "instructions": f"Record up to 10 minutes in total from the goal-setting meeting and the final review meeting of one cycle. {CONSENT}",
            "levels": [
                "The coach sets the goal, or the goal is about teacher activity with no student measure.",
                "The goal concerns students, but no measure is agreed, or the review does not look at evidence.",
                "The teacher and coach set a measurable student goal, choose a strategy together, and the review examines student evidence to decide next steps.",
                "As for Meets, and the teacher leads the review and proposes the next cycle's goal from the evidence.",
            ],
        },
        "artifact": {
            "title": "Coaching cycle record",
            "instructions": "Upload the cycle record: the goal and measure, the strategy, dates and types of support (modelling, co-teaching, observation), student evidence at each point, and the decision made at the end.",
            "levels": [
                "A list of meetings.",
                "A record of support without student evidence.",
                "A complete cycle with goal, measure, strategy, support and student evidence over time, ending in a decision.",
                "As for Meets, and the record shows the coach adapting support when progress stalled.",
            ],
        },
        "reflection": {
            "instructions": COACHING_REFLECTION,
            "prompts": [
                "How did the student measure show whether the cycle worked?",
                "When did you adapt your support, and why?",
                "What did you learn about your own coaching from this teacher?",
            ],
            "levels": [
                "The reflection describes the coaching activities.",
                "The reflection reports the teacher's satisfaction rather than evidence of change.",
                "The reflection uses student evidence to judge the cycle and examines the coach's own decisions.",
                "As for Meets, and it plans how the teacher will continue without the coach.",
            ],
        },
    },
    {
        "title": "Data-Driven Interventions",
        "summary": "Help a team use student data to identify students who need extra support, choose an intervention matched to the need, and monitor whether it works.",
        "competency": "The educator leads colleagues in analysing screening and progress data, matching students to evidence-based interventions by need, setting decision rules, and reviewing progress-monitoring data to adjust support.",
        "key_method": "Review screening data with a team; identify students below benchmark and diagnose the skill need; choose an intervention with evidence for that need; set a monitoring schedule and a decision rule; meet every few weeks to adjust.",
        "research": "Tiered intervention with regular progress monitoring helps struggling students, particularly when interventions are explicit and matched to need and decisions follow pre-set rules.",
        "subject": "Coaching",
        "grades": ["adult", "k_2", "3_5", "6_8"],
        "effort": "14",
        "pd": "18",
        "color": "#ad1457",
        "citations": [
            (
                "Gersten, R. et al. (2009). Assisting Students Struggling with Mathematics: Response to Intervention (RtI) for Elementary and Middle Schools. IES Practice Guide (NCEE 2009-4060).",
                "",
            ),
            (
                "Fuchs, D., & Fuchs, L. S. (2006). Introduction to response to intervention: What, why, and how valid is it? Reading Research Quarterly 41(1), 93–99.",
                "",
            ),
        ],
        "alignments": [
            (
                TEACHER_LEADER,
                "Domain V",
                "Promoting the Use of Assessments and Data for School and District Improvement",
                "",
            ),
            (DANIELSON, "4b", "Maintaining Accurate Records", ""),
        ],
        "video": {
            "title": "A data meeting",
            "instructions": f"Record 5–10 minutes of a team data meeting you lead, with student names hidden on any displayed data. {CONSENT}",
            "levels": [
                "Data are displayed, but discussion stays on general concerns or student behaviour.",
                "Students are identified from data, but interventions are chosen by availability rather than need.",
                "The team identifies students and skill needs from data, matches interventions to needs, and agrees a monitoring plan.",
                "As for Meets, and the team applies a decision rule to progress data to change a student's intervention.",
            ],
        },
        "artifact": {
            "title": "Intervention plan and progress data",
            "instructions": "Upload the intervention plan (students by number, need, intervention, schedule, decision rule) and progress-monitoring graphs over at least six weeks.",
            "levels": [
                "A list of students only.",
                "A plan without progress data or decision rules.",
                "The plan matches needs to interventions with decision rules, and progress data show how decisions were made.",
                "As for Meets, and the plan records the fidelity with which interventions were delivered.",
            ],
        },
        "reflection": {
            "instructions": COACHING_REFLECTION,
            "prompts": [
                "How did the team decide what each student needed?",
                "What did progress data show, and what did the team change?",
                "What helped or hindered the team in using data?",
            ],
            "levels": [
                "The reflection describes the data.",
                "The reflection describes team decisions without progress evidence.",
                "The reflection traces decisions from data to intervention to result and identifies team strengths and barriers.",
                "As for Meets, and it plans how to improve core instruction based on the patterns.",
            ],
        },
    },
    {
        "title": "Leading Active Professional Learning",
        "summary": "Design and lead professional learning for colleagues in which they practise, try out and review a strategy, rather than only hear about it.",
        "competency": "The educator designs and leads professional learning with clear outcomes for teachers, modelling and active practice, time to plan classroom use, and follow-up that looks at evidence from classrooms.",
        "key_method": "State what teachers will be able to do; model the strategy as students would experience it; have teachers practise and give each other feedback; plan use in their own classrooms; schedule a follow-up session to look at student work or video.",
        "research": "Professional development changes practice when it is content-focused, involves active learning and collaboration, models practice, offers feedback and reflection, and is sustained over time.",
        "subject": "Coaching",
        "grades": ["adult"],
        "effort": "12",
        "pd": "15",
        "color": "#880e4f",
        "citations": [
            (
                "Darling-Hammond, L., Hyler, M. E., & Gardner, M. (2017). Effective Teacher Professional Development. Learning Policy Institute.",
                "",
            ),
            (
                "Garet, M. S., Porter, A. C., Desimone, L., Birman, B. F., & Yoon, K. S. (2001). What makes professional development effective? Results from a national sample of teachers. American Educational Research Journal 38(4), 915–945.",
                "",
            ),
        ],
        "alignments": [
            (TEACHER_LEADER, "Domain III", "Promoting Professional Learning for Continuous Improvement", ""),
            (DANIELSON, "4d", "Participating in the Professional Community", ""),
        ],
        "video": {
            "title": "The session in action",
            "instructions": f"Record 5–10 minutes of a session you lead, showing the modelling and the teachers' practice. {CONSENT}",
            "levels": [
                "The leader presents slides; participants listen.",
                "Participants discuss the strategy, but do not practise it.",
                "The leader models the strategy; participants practise it and give each other specific feedback.",
                "As for Meets, and participants adapt the strategy to their own classes during the session.",
            ],
        },
        "artifact": {
            "title": "Session design and follow-up evidence",
            "instructions": "Upload the session plan with outcomes, participants' classroom plans, and evidence from the follow-up (student work or teacher reports).",
            "levels": [
                "Slides only.",
                "A plan with outcomes but no follow-up.",
                "Outcomes, active design, classroom plans and follow-up evidence of classroom use are all included.",
                "As for Meets, and the follow-up evidence shows an effect on students.",
            ],
        },
        "reflection": {
            "instructions": COACHING_REFLECTION,
            "prompts": [
                "How much of the session time did participants spend practising?",
                "What did the follow-up show about classroom use?",
                "What will you change in the design?",
            ],
            "levels": [
                "The reflection reports participants' satisfaction.",
                "The reflection describes classroom use without evidence.",
                "The reflection uses follow-up evidence to judge the session's effect and names design changes.",
                "As for Meets, and it plans ongoing support for participants who did not try the strategy.",
            ],
        },
    },
    {
        "title": "Fostering a Collaborative Learning Culture",
        "summary": "Help a team of teachers work together on shared problems of practice with norms, protocols and collective responsibility for students.",
        "competency": "The educator helps a team establish norms and a shared focus on student learning, uses protocols for looking at work and practice, and builds collective responsibility for all students' progress.",
        "key_method": "Agree norms with the team; choose a problem of practice tied to student data; use structured protocols (tuning, looking at student work); rotate facilitation; review how the team is working against its norms regularly.",
        "research": "Professional learning communities that focus on student learning and use structured collaboration are linked to changes in teaching practice and gains in achievement.",
        "subject": "Coaching",
        "grades": ["adult"],
        "effort": "12",
        "pd": "15",
        "color": "#d81b60",
        "citations": [
            (
                "Vescio, V., Ross, D., & Adams, A. (2008). A review of research on the impact of professional learning communities on teaching practice and student learning. Teaching and Teacher Education 24(1), 80–91.",
                "",
            ),
            (
                "DuFour, R., & Eaker, R. (1998). Professional Learning Communities at Work: Best Practices for Enhancing Student Achievement. Solution Tree.",
                "",
            ),
        ],
        "alignments": [
            (
                TEACHER_LEADER,
                "Domain I",
                "Fostering a Collaborative Culture to Support Educator Development and Student Learning",
                "",
            ),
            (DANIELSON, "4d", "Participating in the Professional Community", ""),
        ],
        "video": {
            "title": "A team meeting with a protocol",
            "instructions": f"Record 5–10 minutes of a team meeting using a protocol to examine student work or practice. {CONSENT}",
            "levels": [
                "The meeting is dominated by logistics or a few voices.",
                "A protocol is used, but discussion drifts from students or the norms are not kept.",
                "The team follows a protocol and its norms, discusses student work, and every member contributes.",
                "As for Meets, and a team member other than the leader facilitates and the team agrees a shared action.",
            ],
        },
        "artifact": {
            "title": "Norms, focus and team record",
            "instructions": "Upload the team's norms, its problem of practice, records of several meetings, and a norms review.",
            "levels": [
                "No norms or records.",
                "Norms exist, but records show no shared focus.",
                "Norms, a focus tied to student data, meeting records and a norms review are included.",
                "As for Meets, and records show the team changing practice and checking the effect.",
            ],
        },
        "reflection": {
            "instructions": COACHING_REFLECTION,
            "prompts": [
                "How has the way the team talks about students changed?",
                "Which norm was hardest to keep, and how did the team handle it?",
                "What shows collective responsibility in this team?",
            ],
            "levels": [
                "The reflection describes meetings.",
                "The reflection claims a stronger culture without evidence.",
                "The reflection uses records and video to show changes in collaboration and addresses a difficulty.",
                "As for Meets, and it plans how the team will sustain its culture without the leader.",
            ],
        },
    },
    {
        "title": "Collaborating with Administration",
        "summary": "Work with school leaders to align coaching or teacher-leader work with school goals while protecting the trust of the teachers you support.",
        "competency": "The educator establishes a clear working agreement with administrators about goals, roles and confidentiality, communicates progress regularly, and advocates for conditions teachers need.",
        "key_method": "Agree with the principal on goals, your role and what you will and will not share about individual teachers; meet regularly with an agenda; report on patterns, not individuals; bring evidence when asking for time or resources.",
        "research": "School leadership has its largest effects on student outcomes through promoting and participating in teacher learning; coaching works best when leaders and coaches share goals and respect boundaries.",
        "subject": "Coaching",
        "grades": ["adult"],
        "effort": "8",
        "pd": "10",
        "color": "#b71c1c",
        "citations": [
            (
                "Robinson, V. M. J., Lloyd, C. A., & Rowe, K. J. (2008). The impact of leadership on student outcomes: An analysis of the differential effects of leadership types. Educational Administration Quarterly 44(5), 635–674.",
                "",
            ),
            (
                "Aguilar, E. (2013). The Art of Coaching: Effective Strategies for School Transformation. Jossey-Bass.",
                "",
            ),
        ],
        "alignments": [
            (TEACHER_LEADER, "Domain VII", "Advocating for Student Learning and the Profession", ""),
            (DANIELSON, "4d", "Participating in the Professional Community", ""),
        ],
        "video": {
            "title": "A meeting with an administrator",
            "instructions": f"Record 5–10 minutes of a regular meeting with an administrator. {CONSENT}",
            "levels": [
                "The meeting discusses individual teachers' performance, breaching the agreement, or has no purpose.",
                "The meeting covers goals but is mostly informational, with no decisions.",
                "Progress is reported as patterns against agreed goals, confidentiality is kept, and a decision or request is made with evidence.",
                "As for Meets, and the educator and administrator adjust goals or resources together.",
            ],
        },
        "artifact": {
            "title": "Working agreement and progress reports",
            "instructions": "Upload the working agreement and two progress reports shared with administration.",
            "levels": [
                "No agreement.",
                "An agreement without confidentiality terms, or no reports.",
                "An agreement with goals, roles and confidentiality terms, and reports on patterns against goals.",
                "As for Meets, and a report led to a change in conditions for teachers.",
            ],
        },
        "reflection": {
            "instructions": COACHING_REFLECTION,
            "prompts": [
                "How do you keep teachers' trust while working closely with administration?",
                "What did you ask for, and what evidence did you bring?",
                "How well are your goals and the school's goals aligned?",
            ],
            "levels": [
                "The reflection describes meetings.",
                "The reflection discusses the relationship without examples.",
                "The reflection gives examples of balancing trust and alignment and of evidence-based advocacy.",
                "As for Meets, and it plans how to involve teachers in setting the goals.",
            ],
        },
    },
]
