"""Mentoring New Teachers (Cascadia Education Association): relationships, observation, feedback and hard conversations."""

from __future__ import annotations

from evident.catalog.demo_content.helpers import DANIELSON, INTASC, TEACHER_LEADER, Spec

# The evidence here is of work with a colleague, so the reflection is about that work.
MENTORING_REFLECTION = (
    "Write about the work with your mentee that you recorded: what it shows about their growth and yours, "
    "and what you will do next."
)
CONSENT = "Your mentee must agree in writing to be recorded; keep students out of the frame or blur them."

MENTORING: list[Spec] = [
    {
        "title": "Building Collaborative Relationships with Teacher Learners",
        "summary": "Establish a trusting, professional mentoring relationship in which a new teacher sets the agenda, takes risks and asks for help.",
        "competency": "The mentor builds a relationship with a new teacher based on confidentiality, shared goals and regular contact, listens more than tells, and adapts support to the mentee's stage and needs.",
        "key_method": "Agree a mentoring agreement (meeting rhythm, confidentiality, how feedback will be given); open meetings with the mentee's concerns; use paraphrase and open questions; follow through on every commitment; check in on the relationship itself every few weeks.",
        "research": "Induction programmes with regular mentoring reduce new-teacher turnover and improve practice, with effects depending on the quality and frequency of mentor contact.",
        "subject": "Mentoring",
        "grades": ["adult"],
        "effort": "10",
        "pd": "12",
        "color": "#f9a825",
        "citations": [
            (
                "Ingersoll, R. M., & Strong, M. (2011). The impact of induction and mentoring programs for beginning teachers: A critical review of the research. Review of Educational Research 81(2), 201–233.",
                "",
            ),
            (
                "Smith, T. M., & Ingersoll, R. M. (2004). What are the effects of induction and mentoring on beginning teacher turnover? American Educational Research Journal 41(3), 681–714.",
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
            (INTASC, "10", "Leadership and Collaboration", ""),
        ],
        "video": {
            "title": "A mentoring meeting",
            "instructions": f"Record 5–10 minutes of a regular meeting with your mentee. {CONSENT}",
            "levels": [
                "The mentor does most of the talking, sets the agenda and gives advice before understanding the concern.",
                "The mentor asks about concerns, but moves quickly to solutions without exploring them.",
                "The mentee sets the agenda; the mentor paraphrases, asks open questions and agrees next steps that the mentee owns.",
                "As for Meets, and the mentee raises a difficulty or mistake openly, and the mentor responds in a way that makes that safe.",
            ],
        },
        "artifact": {
            "title": "Mentoring agreement and contact log",
            "instructions": "Upload your mentoring agreement and a log of contacts over six weeks (dates, focus, commitments and whether they were kept). Do not include confidential details.",
            "levels": [
                "No agreement or log.",
                "An agreement without a log, or a log with irregular contact.",
                "An agreement covering confidentiality and feedback, and a log showing regular contact and commitments kept.",
                "As for Meets, and the log shows a relationship check-in and a change made because of it.",
            ],
        },
        "reflection": {
            "instructions": MENTORING_REFLECTION,
            "prompts": [
                "How do you know your mentee trusts you? Give evidence.",
                "When did you hold back advice, and what happened?",
                "What does your mentee need from you next, and how did you find out?",
            ],
            "levels": [
                "The reflection describes the mentee's problems.",
                "The reflection describes the relationship positively without evidence.",
                "The reflection uses the video and log to evaluate trust and the mentor's own moves, and names what the mentee needs next.",
                "As for Meets, and it considers how differences in experience, role or background affect the relationship.",
            ],
        },
    },
    {
        "title": "Mentoring to Improve Classroom Management",
        "summary": "Help a new teacher build routines and respond to behaviour through observation, focused feedback and practice.",
        "competency": "The mentor helps a new teacher identify a specific classroom management goal from observation data, plans and rehearses a strategy with them, and follows up to see its effect.",
        "key_method": "Observe with a focused tool (time on transitions, frequency of redirections, ratio of specific praise); share the data without judgement; choose one strategy together; rehearse it; observe again and compare.",
        "research": "Coaching that uses observation data and specific, actionable feedback improves teachers' classroom management; effects are larger when the focus is narrow and followed up.",
        "subject": "Mentoring",
        "grades": ["adult", "k_2", "3_5", "6_8", "9_12"],
        "effort": "12",
        "pd": "15",
        "color": "#f57f17",
        "citations": [
            (
                "Kraft, M. A., Blazar, D., & Hogan, D. (2018). The effect of teacher coaching on instruction and achievement: A meta-analysis of the causal evidence. Review of Educational Research 88(4), 547–588.",
                "",
            ),
            (
                "Simonsen, B. et al. (2008). Evidence-based practices in classroom management: Considerations for research to practice. Education and Treatment of Children 31(3), 351–380.",
                "",
            ),
        ],
        "alignments": [
            (TEACHER_LEADER, "Domain IV", "Facilitating Improvements in Instruction and Student Learning", ""),
            (DANIELSON, "2d", "Managing Student Behavior", ""),
        ],
        "video": {
            "title": "The feedback and rehearsal",
            "instructions": f"Record 5–10 minutes of the conversation in which you share observation data and rehearse a strategy with your mentee. {CONSENT}",
            "levels": [
                "The mentor gives general impressions (“it was a bit noisy”) and a list of tips.",
                "The mentor shares data but chooses the strategy, or the strategy is not rehearsed.",
                "The mentor shares specific data neutrally, the mentee chooses one strategy, and they rehearse it until the mentee is ready to try it.",
                "As for Meets, and the mentee predicts how students will respond and they plan for that response.",
            ],
        },
        "artifact": {
            "title": "Observation data before and after",
            "instructions": "Upload the observation tool, the data from the first and follow-up observations, and the strategy plan agreed with your mentee.",
            "levels": [
                "Narrative notes only.",
                "Data from one observation without follow-up.",
                "Focused data from two observations and the agreed plan, showing whether the strategy changed the measure.",
                "As for Meets, and the mentee's own analysis of the data is included.",
            ],
        },
        "reflection": {
            "instructions": MENTORING_REFLECTION,
            "prompts": [
                "How did the data change your mentee's view of the problem?",
                "What happened between the two observations, and what explains the result?",
                "What will you focus on next, and who decides?",
            ],
            "levels": [
                "The reflection judges the mentee's management.",
                "The reflection reports results without explaining them.",
                "The reflection links the strategy to the data change and discusses the mentee's ownership of the next focus.",
                "As for Meets, and it examines how the mentor's own feedback style helped or hindered.",
            ],
        },
    },
    {
        "title": "Mentoring to Improve Content Instruction",
        "summary": "Support a new teacher to plan and teach the content better, using student work and co-planning rather than generic advice.",
        "competency": "The mentor works with a new teacher on the teaching of specific content: co-planning a lesson, anticipating student thinking, examining student work together, and deciding instructional next steps.",
        "key_method": "Co-plan a lesson around one learning goal, predicting student responses; the mentee teaches it; look at student work together, sorting by understanding; decide what to re-teach; let the mentee lead the second planning session.",
        "research": "Professional learning focused on content and student thinking, with active learning and collaboration over time, improves instruction more than generic workshops.",
        "subject": "Mentoring",
        "grades": ["adult", "3_5", "6_8", "9_12"],
        "effort": "14",
        "pd": "18",
        "color": "#ff8f00",
        "citations": [
            (
                "Desimone, L. M. (2009). Improving impact studies of teachers' professional development: Toward better conceptualizations and measures. Educational Researcher 38(3), 181–199.",
                "",
            ),
            (
                "Darling-Hammond, L., Hyler, M. E., & Gardner, M. (2017). Effective Teacher Professional Development. Learning Policy Institute.",
                "",
            ),
        ],
        "alignments": [
            (TEACHER_LEADER, "Domain IV", "Facilitating Improvements in Instruction and Student Learning", ""),
            (DANIELSON, "1a", "Demonstrating Knowledge of Content and Pedagogy", ""),
        ],
        "video": {
            "title": "Looking at student work together",
            "instructions": f"Record 5–10 minutes of you and your mentee examining student work from the co-planned lesson. {CONSENT} Remove student names from the work.",
            "levels": [
                "The mentor grades the work or tells the mentee what went wrong.",
                "Work is discussed in terms of effort or behaviour rather than understanding of the content.",
                "Work is sorted by understanding of the learning goal; the mentee names misconceptions and, with the mentor, plans a specific response.",
                "As for Meets, and the conversation connects a misconception to a choice made in the co-planned lesson.",
            ],
        },
        "artifact": {
            "title": "Co-planned and mentee-led plans",
            "instructions": "Upload the co-planned lesson, the next lesson the mentee planned independently, and notes on how the second shows growth.",
            "levels": [
                "One plan only.",
                "Two plans without notes, or the second plan is largely the mentor's.",
                "Both plans are included, and the notes identify specific growth in the mentee's planning for content.",
                "As for Meets, and the notes connect growth to evidence from students' work.",
            ],
        },
        "reflection": {
            "instructions": MENTORING_REFLECTION,
            "prompts": [
                "What did your mentee notice in the student work, and what did they miss?",
                "How did you decide when to step back in planning?",
                "What content knowledge does your mentee need to build next?",
            ],
            "levels": [
                "The reflection focuses on the mentor's advice.",
                "The reflection describes the mentee's progress generally.",
                "The reflection uses the video and plans to show growth in the mentee's content instruction and names a next focus.",
                "As for Meets, and it plans how the mentee will get content support beyond the mentor.",
            ],
        },
    },
    {
        "title": "Observation and Feedback",
        "summary": "Observe a lesson with a clear focus, collect evidence rather than opinions, and give feedback that a teacher can act on the next day.",
        "competency": "The educator conducts a focused observation agreed with the teacher, records low-inference evidence, and leads a feedback conversation that helps the teacher analyse the evidence and choose an action.",
        "key_method": "Agree the focus beforehand; script or tally what teachers and students say and do; sort evidence against the focus; open the conversation with the teacher's reflection; share evidence, ask questions, and agree one action and when to check it.",
        "research": "Feedback on teaching is most useful when it is specific, grounded in evidence, focused on a small number of practices and followed by practice or another observation.",
        "subject": "Mentoring",
        "grades": ["adult"],
        "effort": "10",
        "pd": "12",
        "color": "#ef6c00",
        "citations": [
            (
                "Scheeler, M. C., Ruhl, K. L., & McAfee, J. K. (2004). Providing performance feedback to teachers: A review. Teacher Education and Special Education 27(4), 396–407.",
                "",
            ),
            (
                "Allen, J. P., Pianta, R. C., Gregory, A., Mikami, A. Y., & Lun, J. (2011). An interaction-based approach to enhancing secondary school instruction and student achievement. Science 333(6045), 1034–1037.",
                "",
            ),
        ],
        "alignments": [
            (TEACHER_LEADER, "Domain III", "Promoting Professional Learning for Continuous Improvement", ""),
            (DANIELSON, "4e", "Growing and Developing Professionally", ""),
        ],
        "video": {
            "title": "The feedback conversation",
            "instructions": f"Record 5–10 minutes of the feedback conversation after your observation. {CONSENT}",
            "levels": [
                "Feedback is a list of judgements or ratings with no evidence.",
                "Evidence is shared, but the observer interprets it and prescribes the action.",
                "The teacher reflects first, evidence is shared neutrally, questions help the teacher analyse it, and one action is agreed with a check date.",
                "As for Meets, and the teacher rehearses or plans the action in detail before the conversation ends.",
            ],
        },
        "artifact": {
            "title": "Observation notes and feedback plan",
            "instructions": "Upload the agreed focus, your observation notes (low-inference, no student names), the sorted evidence, and the plan for the conversation.",
            "levels": [
                "Notes full of judgements (“good pace”, “students were bored”).",
                "Mostly evidence, but not organised against the focus.",
                "Low-inference notes sorted against the focus, and a conversation plan with questions and a possible action.",
                "As for Meets, and notes from the follow-up observation show whether the action was taken and its effect.",
            ],
        },
        "reflection": {
            "instructions": MENTORING_REFLECTION,
            "prompts": [
                "Where in your notes did you slip from evidence into judgement?",
                "How did the teacher respond to the evidence, and what helped them analyse it?",
                "How will you know the agreed action made a difference?",
            ],
            "levels": [
                "The reflection evaluates the teacher.",
                "The reflection describes the conversation without evaluating the observer's moves.",
                "The reflection examines the observer's evidence and questions and plans how to check the action's effect.",
                "As for Meets, and it asks the teacher for feedback on the feedback and uses it.",
            ],
        },
    },
    {
        "title": "Critical Conversations",
        "summary": "Raise a hard professional concern with a colleague respectfully and directly, keep the conversation on students, and agree a way forward.",
        "competency": "The educator prepares for and holds a difficult conversation with a colleague, naming the concern with evidence, listening to the colleague's view, managing emotions on both sides, and reaching a concrete agreement.",
        "key_method": "Prepare: state the concern in one sentence with evidence and its effect on students; open with purpose and intent; listen and paraphrase the other's perspective; look for shared goals; agree specific actions and a follow-up date; document the agreement.",
        "research": "Conversations about high-stakes, emotional disagreements go better when both sides feel safe, the facts are separated from stories about intent, and the conversation aims at mutual purpose.",
        "subject": "Mentoring",
        "grades": ["adult"],
        "effort": "8",
        "pd": "10",
        "color": "#e65100",
        "citations": [
            (
                "Patterson, K., Grenny, J., McMillan, R., & Switzler, A. (2002). Crucial Conversations: Tools for Talking When Stakes Are High. McGraw-Hill.",
                "",
            ),
            (
                "Stone, D., Patton, B., & Heen, S. (1999). Difficult Conversations: How to Discuss What Matters Most. Viking.",
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
            (DANIELSON, "4f", "Showing Professionalism", ""),
        ],
        "video": {
            "title": "A rehearsed or real critical conversation",
            "instructions": "Record 5–10 minutes of a critical conversation. If the real conversation is confidential, record a rehearsal with a trusted colleague playing the other person, and say so.",
            "levels": [
                "The concern is avoided, softened until unclear, or stated as an accusation.",
                "The concern is stated clearly, but the other person's view is not explored or emotions escalate.",
                "The concern is stated with evidence and its effect on students; the other's view is paraphrased; a specific agreement is reached.",
                "As for Meets, and the speaker recovers the conversation after a tense moment by restating shared purpose.",
            ],
        },
        "artifact": {
            "title": "Preparation and agreement",
            "instructions": "Upload your preparation notes (concern, evidence, effect, opening statement) and the written agreement or follow-up note, with identifying details removed.",
            "levels": [
                "No preparation.",
                "Notes that describe the person rather than the behaviour and its effect.",
                "A one-sentence concern with evidence and effect on students, an opening statement, and a specific agreement with a follow-up date.",
                "As for Meets, and a note from the follow-up shows whether the agreement held.",
            ],
        },
        "reflection": {
            "instructions": MENTORING_REFLECTION,
            "prompts": [
                "What made this conversation hard for you, and how did you prepare for that?",
                "What did you learn from listening to the other person's view?",
                "What will you do differently in your next difficult conversation?",
            ],
            "levels": [
                "The reflection blames the other person.",
                "The reflection describes the conversation without self-examination.",
                "The reflection examines the speaker's own reactions and what was learned from listening, and names a change.",
                "As for Meets, and it considers how power or role differences shaped the conversation.",
            ],
        },
    },
]
