"""Collective Leadership (Cascadia Education Association): leading with and through colleagues."""

from __future__ import annotations

from evident.catalog.demo_content.helpers import DANIELSON, INTASC, TEACHER_LEADER, Spec

LEADERSHIP_REFLECTION = (
    "Write about the leadership work you recorded: what it shows about how colleagues worked together, "
    "what it changed for students, and what you will do next."
)
CONSENT = "Every adult who appears must agree to be recorded."

COLLECTIVE_LEADERSHIP: list[Spec] = [
    {
        "title": "Understanding Your Leadership Strengths",
        "summary": "Gather feedback on how you lead, identify your strengths and blind spots, and set a leadership development goal.",
        "competency": "The educator gathers evidence about their own leadership from colleagues and self-assessment, identifies strengths and areas to develop, and acts on a leadership goal in real work with colleagues.",
        "key_method": "Self-assess against a leadership framework; ask several colleagues for structured feedback; compare the two; choose one strength to use more deliberately and one area to develop; plan and try a specific change; ask for feedback again.",
        "research": "Teacher leaders are more effective when they understand how colleagues experience their leadership; structured feedback and reflection support leadership development.",
        "subject": "Teacher leadership",
        "grades": ["adult"],
        "effort": "6",
        "pd": "8",
        "color": "#1a237e",
        "citations": [
            (
                "York-Barr, J., & Duke, K. (2004). What do we know about teacher leadership? Findings from two decades of scholarship. Review of Educational Research 74(3), 255–316.",
                "",
            ),
            ("Kouzes, J. M., & Posner, B. Z. (2017). The Leadership Challenge (6th ed.). Wiley.", ""),
        ],
        "alignments": [
            (
                TEACHER_LEADER,
                "Domain I",
                "Fostering a Collaborative Culture to Support Educator Development and Student Learning",
                "",
            ),
            (DANIELSON, "4e", "Growing and Developing Professionally", ""),
        ],
        "video": {
            "title": "Leading with intention",
            "instructions": f"Record 5–10 minutes of yourself leading colleagues (a meeting, a planning session) while trying your planned change. {CONSENT}",
            "levels": [
                "No leadership activity is visible, or the clip is unrelated to the goal.",
                "The educator leads, but the planned change is not visible.",
                "The planned change is visible, and colleagues respond to it in ways that can be observed.",
                "As for Meets, and the educator adjusts in the moment based on colleagues' responses.",
            ],
        },
        "artifact": {
            "title": "Feedback and development plan",
            "instructions": "Upload your self-assessment, a summary of colleagues' feedback (anonymised), and your development plan with the strength and the area to develop.",
            "levels": [
                "A self-assessment only.",
                "Feedback from one colleague, or a plan without feedback.",
                "Self-assessment and feedback from several colleagues are compared, and the plan follows from the comparison.",
                "As for Meets, and a second round of feedback after trying the change is included.",
            ],
        },
        "reflection": {
            "instructions": LEADERSHIP_REFLECTION,
            "prompts": [
                "Where did colleagues' feedback differ from your self-assessment?",
                "What happened when you tried your planned change?",
                "How will you keep getting honest feedback?",
            ],
            "levels": [
                "The reflection lists strengths.",
                "The reflection discusses feedback without examining differences.",
                "The reflection examines differences between self-view and feedback and evaluates the change.",
                "As for Meets, and it plans a regular feedback routine with colleagues.",
            ],
        },
    },
    {
        "title": "Cultivating a Shared Purpose",
        "summary": "Bring colleagues together around a clear, shared purpose for student learning that guides decisions about time and effort.",
        "competency": "The educator leads colleagues to articulate a shared purpose grounded in student needs and evidence, translates it into a small number of priorities, and uses it to guide team decisions.",
        "key_method": "Start with student data and stories; invite colleagues to share what they care about; draft a purpose statement together; choose two or three priorities; use the purpose explicitly when making decisions; revisit it each term.",
        "research": "Shared vision and goals are a core practice of successful school leadership; collective commitment to goals is associated with stronger collaboration and student outcomes.",
        "subject": "Teacher leadership",
        "grades": ["adult"],
        "effort": "8",
        "pd": "10",
        "color": "#283593",
        "citations": [
            (
                "Leithwood, K., Harris, A., & Hopkins, D. (2008). Seven strong claims about successful school leadership. School Leadership & Management 28(1), 27–42.",
                "",
            ),
            ("Fullan, M. (2001). Leading in a Culture of Change. Jossey-Bass.", ""),
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
            "title": "Building the purpose together",
            "instructions": f"Record 5–10 minutes of a session where colleagues work on the shared purpose, or use it to make a decision. {CONSENT}",
            "levels": [
                "The leader announces a purpose, or the discussion is unrelated to students.",
                "Colleagues discuss values, but evidence about students is absent or the discussion does not converge.",
                "Colleagues draw on student evidence to shape a purpose or priorities, and most voices are heard.",
                "As for Meets, and the purpose is used to decide between two real options.",
            ],
        },
        "artifact": {
            "title": "Purpose, priorities and a decision",
            "instructions": "Upload the purpose statement, the priorities, the evidence used, and a record of one decision made using them.",
            "levels": [
                "A purpose statement only.",
                "A statement without priorities or evidence.",
                "A statement, priorities, evidence and a decision record showing the purpose in use.",
                "As for Meets, and a term review shows the purpose revised with colleagues.",
            ],
        },
        "reflection": {
            "instructions": LEADERSHIP_REFLECTION,
            "prompts": [
                "How did student evidence shape the purpose?",
                "Whose views were hardest to bring in, and what did you do?",
                "How will you know if the purpose is guiding work?",
            ],
            "levels": [
                "The reflection restates the purpose.",
                "The reflection discusses the process without evidence of commitment.",
                "The reflection shows how evidence and colleagues' views shaped the purpose, and names signs of its use.",
                "As for Meets, and it plans how new colleagues will be brought into the purpose.",
            ],
        },
    },
    {
        "title": "Facilitating Effective Meetings",
        "summary": "Plan and run meetings with clear outcomes, structured discussion and decisions that are recorded and followed through.",
        "competency": "The educator plans meetings with clear outcomes and an agenda, uses facilitation structures so all voices are heard, manages time, and ensures decisions and actions are recorded and followed up.",
        "key_method": "Send an agenda with outcomes and pre-reading; open with norms and outcomes; use structures (rounds, protocols, think–pair–share for adults); keep time visibly; close by reviewing decisions, owners and deadlines; open the next meeting by checking them.",
        "research": "Meetings that use clear outcomes, norms and structured protocols support collaborative groups to make decisions and learn together; without structure, discussion tends to be dominated by a few.",
        "subject": "Teacher leadership",
        "grades": ["adult"],
        "effort": "6",
        "pd": "8",
        "color": "#303f9f",
        "citations": [
            (
                "Garmston, R. J., & Wellman, B. M. (2016). The Adaptive School: A Sourcebook for Developing Collaborative Groups (3rd ed.). Rowman & Littlefield.",
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
            "title": "The meeting",
            "instructions": f"Record 5–10 minutes of a meeting you facilitate, including the opening and the close. {CONSENT}",
            "levels": [
                "There is no stated outcome, and the meeting runs without structure.",
                "Outcomes are stated, but discussion is unstructured and a few voices dominate.",
                "Outcomes and norms are stated, structures ensure every voice is heard, and the close confirms decisions, owners and deadlines.",
                "As for Meets, and the facilitator adjusts the agenda when needed and names the trade-off.",
            ],
        },
        "artifact": {
            "title": "Agenda, notes and follow-up",
            "instructions": "Upload the agenda, the meeting notes with decisions and actions, and evidence that the actions were followed up at the next meeting.",
            "levels": [
                "An agenda only.",
                "Notes without decisions or owners.",
                "An agenda with outcomes, notes with decisions, owners and deadlines, and a follow-up record.",
                "As for Meets, and participants' feedback on the meeting is included and acted on.",
            ],
        },
        "reflection": {
            "instructions": LEADERSHIP_REFLECTION,
            "prompts": [
                "Which structure most improved participation?",
                "How did you handle time pressure?",
                "What happened to the actions decided?",
            ],
            "levels": [
                "The reflection describes the agenda.",
                "The reflection says the meeting went well without evidence.",
                "The reflection uses the video and follow-up to evaluate structures and follow-through.",
                "As for Meets, and it plans how to teach facilitation to a colleague.",
            ],
        },
    },
    {
        "title": "Guiding Effective Conflict Resolution",
        "summary": "Help colleagues work through a professional disagreement by surfacing interests, separating people from problems and finding options that serve students.",
        "competency": "The educator facilitates a conflict between colleagues or within a team: creating safety, helping each side state interests rather than positions, generating options and reaching an agreement focused on students.",
        "key_method": "Meet each party first; set ground rules; have each state their interest and the other paraphrase it; separate the problem from the people; brainstorm options before evaluating them; choose criteria based on students; agree and record the resolution.",
        "research": "Principled negotiation focuses on interests rather than positions and on objective criteria; in schools, conflict handled openly can strengthen professional community rather than weaken it.",
        "subject": "Teacher leadership",
        "grades": ["adult"],
        "effort": "8",
        "pd": "10",
        "color": "#3949ab",
        "citations": [
            (
                "Fisher, R., Ury, W., & Patton, B. (2011). Getting to Yes: Negotiating Agreement Without Giving In (3rd ed.). Penguin.",
                "",
            ),
            (
                "Achinstein, B. (2002). Conflict amid community: The micropolitics of teacher collaboration. Teachers College Record 104(3), 421–455.",
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
            "title": "Facilitating the resolution",
            "instructions": f"Record 5–10 minutes of the facilitated conversation. If the conflict is sensitive, record a role-play of it with colleagues and say so. {CONSENT}",
            "levels": [
                "The facilitator takes a side or imposes a solution.",
                "Each side speaks, but positions are restated without interests being explored.",
                "Each side states interests, the other paraphrases, options are generated, and an agreement is reached using student-focused criteria.",
                "As for Meets, and the facilitator de-escalates a tense moment and both parties acknowledge the other's interest.",
            ],
        },
        "artifact": {
            "title": "Conflict map and agreement",
            "instructions": "Upload a map of the conflict (each party's positions and interests, anonymised), the options considered, and the agreement with its follow-up.",
            "levels": [
                "A description of the conflict only.",
                "Positions are mapped, but interests or options are missing.",
                "Positions, interests, options and an agreement with follow-up are documented.",
                "As for Meets, and the follow-up shows the agreement held or was renegotiated.",
            ],
        },
        "reflection": {
            "instructions": LEADERSHIP_REFLECTION,
            "prompts": [
                "What interests lay beneath the positions?",
                "How did you stay neutral, and where was that hard?",
                "How did the resolution serve students?",
            ],
            "levels": [
                "The reflection judges who was right.",
                "The reflection describes the conflict without analysis.",
                "The reflection analyses interests and the facilitator's neutrality and links the resolution to students.",
                "As for Meets, and it considers what in the school's structures produced the conflict.",
            ],
        },
    },
    {
        "title": "Developing Distributive Leadership Teams in Support of Student Academic Success",
        "summary": "Form and develop a team in which leadership is shared among teachers, with clear roles, decision rights and a focus on student achievement.",
        "competency": "The educator forms a leadership team with clear purpose, roles and decision-making processes, develops leadership in its members, and leads the team to plan, implement and evaluate an initiative aimed at student achievement.",
        "key_method": "Define the team's purpose and decision rights with the principal; recruit members for diverse expertise; assign rotating roles; agree how decisions are made; plan an initiative with a student achievement measure; review progress and develop members' leadership along the way.",
        "research": "Distributed leadership, in which leadership practice is stretched across people and situations, is associated with school improvement when it is coordinated and focused on teaching and learning.",
        "subject": "Teacher leadership",
        "grades": ["adult"],
        "effort": "20",
        "pd": "25",
        "color": "#0d47a1",
        "citations": [
            ("Spillane, J. P. (2006). Distributed Leadership. Jossey-Bass.", ""),
            (
                "Harris, A. (2008). Distributed School Leadership: Developing Tomorrow's Leaders. Routledge.",
                "",
            ),
        ],
        "alignments": [
            (TEACHER_LEADER, "Domain VII", "Advocating for Student Learning and the Profession", ""),
            (TEACHER_LEADER, "Domain IV", "Facilitating Improvements in Instruction and Student Learning", ""),
        ],
        "video": {
            "title": "The team at work",
            "instructions": f"Record 5–10 minutes of a team meeting where a member other than you leads part of the work. {CONSENT}",
            "levels": [
                "The educator leads everything; members report.",
                "Members take roles, but decisions are still made by the educator.",
                "Members lead parts of the work, decisions follow the agreed process, and the discussion focuses on the student achievement measure.",
                "As for Meets, and a member coaches another in a leadership role during the meeting.",
            ],
        },
        "artifact": {
            "title": "Team charter and initiative record",
            "instructions": "Upload the team charter (purpose, decision rights, roles, decision process), the initiative plan with its measure, and progress reviews.",
            "levels": [
                "A list of members.",
                "A charter without decision rights or an initiative measure.",
                "A charter with purpose, decision rights, roles and process, and an initiative with a student measure and reviews.",
                "As for Meets, and a record of members' leadership growth is included.",
            ],
        },
        "reflection": {
            "instructions": LEADERSHIP_REFLECTION,
            "prompts": [
                "How did sharing leadership change the team's decisions?",
                "What did the student measure show?",
                "Which member grew most as a leader, and how did you support that?",
            ],
            "levels": [
                "The reflection describes the team.",
                "The reflection discusses sharing leadership without evidence.",
                "The reflection uses the charter, reviews and video to show shared leadership and its effect on students.",
                "As for Meets, and it plans how the team will continue if the educator leaves.",
            ],
        },
    },
]
