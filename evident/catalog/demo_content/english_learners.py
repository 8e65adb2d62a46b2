"""Supporting English Learners: Constructive Conversations (Institute for Classroom Practice): academic talk that builds ideas."""

from __future__ import annotations

from evident.catalog.demo_content.helpers import DANIELSON, INTASC, Spec

# The reflection for these is about a conversation students held, not a whole lesson.
CONVERSATION_REFLECTION = (
    "Write about the student conversation you recorded: what it shows about students' ideas and language, "
    "and what you will do next."
)

ENGLISH_LEARNERS: list[Spec] = [
    {
        "title": "Creating Effective Conversation Prompts",
        "summary": "Write discussion prompts that give students a real reason to talk, need the content to answer, and push them to build on each other's ideas.",
        "competency": "The educator writes and revises conversation prompts for pairs or small groups that are open, grounded in the lesson's content, and require students to build an idea together rather than exchange answers.",
        "key_method": "Start from the lesson's big idea; write a prompt with more than one defensible answer that needs evidence from the content; add a product for the talk (a decision, a ranking, a shared claim); test it by predicting what two students would say.",
        "research": "Productive academic conversations depend on prompts that create an information or opinion gap and require reasoning; English learners gain most when conversations are structured and purposeful.",
        "subject": "English learners",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "6",
        "pd": "8",
        "color": "#00897b",
        "citations": [
            (
                "Zwiers, J., & Crawford, M. (2011). Academic Conversations: Classroom Talk That Fosters Critical Thinking and Content Understandings. Stenhouse.",
                "",
            ),
            (
                "Baker, S. et al. (2014). Teaching Academic Content and Literacy to English Learners in Elementary and Middle School. IES Practice Guide (NCEE 2014-4012).",
                "",
            ),
        ],
        "alignments": [
            (DANIELSON, "3b", "Using Questioning and Discussion Techniques", ""),
            (INTASC, "8", "Instructional Strategies", ""),
        ],
        "video": {
            "title": "Pairs talking to the prompt",
            "instructions": "Record two pairs or one small group, including at least one English learner, for 5–10 minutes as they respond to your prompt. Place the microphone close so their words can be heard.",
            "levels": [
                "The prompt has one right answer, and students say it and stop.",
                "Students give opinions, but the prompt does not need the lesson's content, or one student does all the talking.",
                "The prompt draws on the content; each student contributes ideas and evidence, and the conversation lasts several exchanges.",
                "As for Meets, and students reach a joint product (a decision, a claim) that neither had at the start.",
            ],
        },
        "artifact": {
            "title": "Prompt drafts and revisions",
            "instructions": "Upload three prompts for one unit, each with its first draft, the revision and your reason for the change, and the predicted conversation for one of them.",
            "levels": [
                "Prompts only, without drafts or reasons.",
                "Revisions are shown, but the changes are cosmetic.",
                "Revisions make prompts more open, more content-based or more collaborative, and each change is explained.",
                "As for Meets, and the predicted conversation is compared with the recorded one and the prompt revised again.",
            ],
        },
        "reflection": {
            "instructions": CONVERSATION_REFLECTION,
            "prompts": [
                "Which feature of your prompt kept the conversation going, and which let it stall?",
                "What language did the English learner in the video use to join in, and what did they need?",
                "How will you change the prompt for the next class?",
            ],
            "levels": [
                "The reflection judges the conversation as good or poor without evidence.",
                "The reflection quotes the students but does not connect the talk to the prompt.",
                "The reflection links features of the prompt to what students said and names a specific revision.",
                "As for Meets, and it plans a language support matched to what the English learner needed.",
            ],
        },
    },
    {
        "title": "Helping Students Clarify and Support Their Ideas",
        "summary": "Teach students to ask each other for clarification and evidence, and to explain and back up their own ideas in conversation.",
        "competency": "The educator explicitly teaches the conversation skills of clarifying and supporting ideas, models them, provides language frames, and coaches pairs as they practise, so students press each other for meaning and evidence.",
        "key_method": "Name the two skills; model a conversation with a colleague or student showing them; give frames (“What do you mean by…?”, “Can you give an example?”, “In the text it says…”); have pairs practise with a visual reminder; give quick feedback on the skills, not the content.",
        "research": "Students, especially English learners, learn academic discourse when conversation moves are taught explicitly and practised with feedback; accountable talk norms make reasoning public and improve learning.",
        "subject": "English learners",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "8",
        "pd": "10",
        "color": "#26a69a",
        "citations": [
            (
                "Michaels, S., O'Connor, C., & Resnick, L. B. (2008). Deliberative discourse idealized and realized: Accountable talk in the classroom and in civic life. Studies in Philosophy and Education 27(4), 283–297.",
                "",
            ),
            ("Gibbons, P. (2015). Scaffolding Language, Scaffolding Learning (2nd ed.). Heinemann.", ""),
        ],
        "alignments": [
            (INTASC, "8", "Instructional Strategies", ""),
            (DANIELSON, "3b", "Using Questioning and Discussion Techniques", ""),
        ],
        "video": {
            "title": "Teaching and practising the skills",
            "instructions": "Record your model of the two skills and 3–5 minutes of one pair practising them, including your feedback to the pair.",
            "levels": [
                "The skills are not taught; students are told to discuss.",
                "The skills are explained, but not modelled, or students do not use them in practice.",
                "The skills are modelled with frames; the pair asks for clarification or evidence at least twice; feedback names the skill used.",
                "As for Meets, and students use the skills without reading the frames, and the clarification changes what a partner says.",
            ],
        },
        "artifact": {
            "title": "Conversation transcript with analysis",
            "instructions": "Upload a transcript of 2–3 minutes of one pair's conversation (no names) with each clarifying or supporting move marked, and the frames you provided.",
            "levels": [
                "No transcript.",
                "A transcript without analysis.",
                "Each clarifying and supporting move is marked, and the analysis identifies which moves each student used and which they did not.",
                "As for Meets, and the analysis compares this conversation with an earlier one to show growth.",
            ],
        },
        "reflection": {
            "instructions": CONVERSATION_REFLECTION,
            "prompts": [
                "Where in the transcript did a clarifying question deepen an idea?",
                "Which frames did students use, and which did they ignore?",
                "What will you teach or model next to strengthen the conversation?",
            ],
            "levels": [
                "The reflection summarises the lesson.",
                "The reflection describes the frames without evidence of their use.",
                "The reflection points to moments in the transcript, judges the frames' usefulness and names a next step.",
                "As for Meets, and it plans how students will assess their own use of the skills.",
            ],
        },
    },
    {
        "title": "Assessing Conversations",
        "summary": "Listen to and analyse students' conversations for both content understanding and language use, and use what you learn to plan instruction.",
        "competency": "The educator assesses student conversations with clear criteria for the quality of ideas and the use of academic language, records evidence reliably, and uses it to plan teaching for the class and for individual English learners.",
        "key_method": "Choose criteria for ideas (building, evidence, accuracy) and for language (vocabulary, sentence structure, conversation moves); record two or three conversations; score them with a colleague to check agreement; plan from the patterns.",
        "research": "Formative assessment of oral language gives teachers evidence that written tests miss, particularly for English learners; scoring with a colleague improves the reliability of judgements.",
        "subject": "English learners",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "12",
        "pd": "15",
        "color": "#004d40",
        "citations": [
            (
                "Walqui, A., & van Lier, L. (2010). Scaffolding the Academic Success of Adolescent English Language Learners: A Pedagogy of Promise. WestEd.",
                "",
            ),
            (
                "Zwiers, J., O'Hara, S., & Pritchard, R. (2014). Common Core Standards in Diverse Classrooms: Essential Practices for Developing Academic Language and Disciplinary Literacy. Stenhouse.",
                "",
            ),
        ],
        "alignments": [
            (INTASC, "6", "Assessment", ""),
            (DANIELSON, "3d", "Using Assessment in Instruction", ""),
        ],
        "video": {
            "title": "A conversation you assessed",
            "instructions": "Record one 5–10 minute conversation between two or three students, at least one an English learner, that you then scored.",
            "levels": [
                "The recording is too short or inaudible to assess.",
                "The conversation can be heard, but the task gives little opportunity to show ideas or language.",
                "The conversation is audible and long enough to show each student's ideas and language, on a task suited to the criteria.",
                "As for Meets, and the conversation shows students using a skill taught earlier, so growth can be judged.",
            ],
        },
        "artifact": {
            "title": "Scored conversations and a plan",
            "instructions": "Upload your criteria, your scores and evidence for two or three conversations, a colleague's independent scores for one of them, and the plan you made from the results.",
            "levels": [
                "No criteria or scores.",
                "Scores are given without quoted evidence, or only content is assessed.",
                "Ideas and language are scored with quoted evidence, scores are compared with a colleague's, and the plan follows from the patterns.",
                "As for Meets, and disagreements with the colleague are resolved and used to sharpen the criteria.",
            ],
        },
        "reflection": {
            "instructions": CONVERSATION_REFLECTION,
            "prompts": [
                "Where did you and your colleague disagree, and what did you decide?",
                "What did the conversation show that a written task would not?",
                "How will your plan help the English learner take the next step in language?",
            ],
            "levels": [
                "The reflection reports scores without interpretation.",
                "The reflection interprets scores but does not use the colleague's scoring.",
                "The reflection discusses agreement with the colleague, what the conversation revealed, and a plan for the English learner.",
                "As for Meets, and it plans how to assess conversations regularly without recording every one.",
            ],
        },
    },
]
