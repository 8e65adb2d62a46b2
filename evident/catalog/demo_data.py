"""The demo catalog's content, written for Evident.

Titles follow the public examples of micro-credential catalogs; every
summary, requirement and rubric descriptor here is our own. Each
micro-credential asks for a classroom video, an artifact and a reflection,
scored on four levels (Not yet · Approaching · Meets · Exceeds; Meets passes).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from evident.catalog.blueprint import (
    AlignmentSpec,
    Blueprint,
    CitationSpec,
    LevelSpec,
    RequirementSpec,
    ResourceSpec,
)

LEVEL_NAMES = ["Not yet", "Approaching", "Meets", "Exceeds"]
VIDEO_TYPES = ["mp4", "mov", "webm", "m4v"]
DOCUMENT_TYPES = ["pdf", "docx", "jpg", "png"]


def _levels(descriptors: list[str]) -> list[LevelSpec]:
    return [
        LevelSpec(name=name, descriptor=text, score=i + 1)
        for i, (name, text) in enumerate(zip(LEVEL_NAMES, descriptors, strict=True))
    ]


def _micro_credential(spec: dict[str, Any]) -> Blueprint:
    video, artifact, reflection = spec["video"], spec["artifact"], spec["reflection"]
    return Blueprint(
        title=spec["title"],
        summary=spec["summary"],
        competency=spec["competency"],
        key_method=spec["key_method"],
        research=spec["research"],
        subject=spec["subject"],
        grade_bands=spec["grades"],
        effort_hours=Decimal(spec.get("effort", "12")),
        pd_hours=Decimal(spec.get("pd", "15")),
        badge_color=spec["color"],
        citations=[CitationSpec(text=t, url=u) for t, u in spec.get("citations", [])],
        resources=[ResourceSpec(title=t, url=u, description=d) for t, u, d in spec.get("resources", [])],
        alignments=[AlignmentSpec(framework=f, code=c, name=n, url=u) for f, c, n, u in spec.get("alignments", [])],
        requirements=[
            RequirementSpec(
                title=video["title"],
                evidence_kind="video",
                instructions=video["instructions"],
                passing_score=3,
                file_types=VIDEO_TYPES,
                max_file_mb=2048,
                max_video_minutes=10,
                levels=_levels(video["levels"]),
            ),
            RequirementSpec(
                title=artifact["title"],
                evidence_kind="document",
                instructions=artifact["instructions"],
                passing_score=3,
                file_types=DOCUMENT_TYPES,
                max_file_mb=50,
                levels=_levels(artifact["levels"]),
            ),
            RequirementSpec(
                title="Reflection",
                evidence_kind="written",
                instructions="Write about what happened in the lesson you recorded and what you will do next.",
                passing_score=3,
                prompts=reflection["prompts"],
                min_words=300,
                max_words=800,
                levels=_levels(reflection["levels"]),
            ),
        ],
    )


DANIELSON = "Danielson Framework for Teaching"
INTASC = "InTASC Model Core Teaching Standards"

EARLY_LITERACY: list[dict[str, Any]] = [
    {
        "title": "Teaching Phonics",
        "summary": "Teach letter–sound correspondences explicitly and have students apply them right away in decodable text.",
        "competency": "The educator explicitly teaches a phonics pattern, models blending it, and gives students guided and independent practice reading and spelling words and connected text that use the pattern.",
        "key_method": "An explicit, systematic phonics routine: review, introduce one pattern with a clear model, guided blending and segmenting, word building, then reading a decodable text that uses the pattern.",
        "research": "Systematic and explicit phonics instruction improves word reading and spelling for beginning readers, with the largest effects when it starts early and when students apply each new pattern in connected text.",
        "subject": "Early literacy",
        "grades": ["k_2"],
        "color": "#0d5c63",
        "citations": [
            (
                "National Reading Panel (2000). Teaching Children to Read: An Evidence-Based Assessment of the Scientific Research Literature on Reading.",
                "https://www.nichd.nih.gov/publications/pubs/nrp/smallbook",
            ),
            (
                "Foorman, B. et al. (2016). Foundational Skills to Support Reading for Understanding in Kindergarten Through 3rd Grade. IES Practice Guide.",
                "https://ies.ed.gov/ncee/wwc/PracticeGuide/21",
            ),
        ],
        "resources": [
            (
                "IES Practice Guide: Foundational Skills",
                "https://ies.ed.gov/ncee/wwc/PracticeGuide/21",
                "Recommendations 3 and 4 describe decoding and connected-text practice.",
            ),
        ],
        "alignments": [
            (DANIELSON, "3c", "Engaging Students in Learning", ""),
            (INTASC, "4", "Content Knowledge", ""),
        ],
        "video": {
            "title": "A phonics lesson on video",
            "instructions": "Record 5–10 minutes of one phonics lesson with a small group or the whole class: the introduction of one pattern, your model, and students practising. Keep the camera on students' work and voices; faces are not needed.",
            "levels": [
                "The pattern is not named or modelled, or practice does not use the pattern being taught.",
                "The pattern is modelled, but students mostly watch; few students blend or spell words themselves, or errors go uncorrected.",
                "The pattern is named and modelled clearly; every student blends and spells several words with it; errors are corrected on the spot with a model.",
                "As for Meets, and practice moves from words into a decodable sentence or text, with the teacher adjusting pace or examples from what students show.",
            ],
        },
        "artifact": {
            "title": "Lesson plan and student work",
            "instructions": "Upload the plan for the recorded lesson and samples of student work from it (for example a word-building sheet or a dictation). Remove students' names.",
            "levels": [
                "The plan does not name a phonics pattern, or the student work is missing.",
                "The plan names the pattern but the practice words or text do not match it well; student work is included without comment.",
                "The plan names the pattern, the words and text practise it, and the student work is annotated to show who is secure and who needs more practice.",
                "As for Meets, and the plan shows how the pattern builds on the previous one and how the next lesson will respond to this student work.",
            ],
        },
        "reflection": {
            "prompts": [
                "Which students blended the pattern accurately, and how do you know?",
                "Where did students make errors, and how did you respond?",
                "What will you change or repeat in the next lesson, and why?",
            ],
            "levels": [
                "The reflection describes the lesson without using evidence of what students did.",
                "The reflection mentions student performance in general terms but does not connect it to next steps.",
                "The reflection names specific student responses from the video or work samples and draws a clear next step from them.",
                "As for Meets, and the reflection weighs alternative explanations for errors and plans how to check whether the next step worked.",
            ],
        },
    },
    {
        "title": "Teaching Phonological Awareness",
        "summary": "Build students' ability to hear and play with the sounds of spoken words, from rhymes and syllables to single phonemes.",
        "competency": "The educator teaches a phonological awareness skill orally, with clear modelling and quick, active practice, and checks each student's response.",
        "key_method": "Short daily oral routines (blending, segmenting, deleting or substituting sounds) that move from larger units to phonemes, using gestures or manipulatives to make sounds visible.",
        "research": "Phonemic awareness instruction helps children learn to read, particularly when it focuses on one or two skills at a time, is brief, and is connected to letters.",
        "subject": "Early literacy",
        "grades": ["early_childhood", "k_2"],
        "color": "#1f6f8b",
        "citations": [
            (
                "Ehri, L. C. et al. (2001). Phonemic awareness instruction helps children learn to read. Reading Research Quarterly 36(3).",
                "",
            ),
        ],
        "alignments": [(DANIELSON, "3b", "Using Questioning and Discussion Techniques", "")],
        "video": {
            "title": "An oral phonological awareness routine",
            "instructions": "Record 5–10 minutes of a phonological awareness routine. Make sure students' spoken responses can be heard.",
            "levels": [
                "The activity relies on print or does not target a sound skill students can show orally.",
                "A sound skill is targeted, but the model is unclear or only a few students respond.",
                "The skill is modelled with a clear example; all students respond many times; the teacher notices and corrects errors.",
                "As for Meets, and the teacher moves between easier and harder items in response to students, and links the sounds to letters at the end.",
            ],
        },
        "artifact": {
            "title": "Screening or progress record",
            "instructions": "Upload a record of students' phonological awareness before and after a sequence of lessons (a class checklist or screening summary with names removed).",
            "levels": [
                "No record, or a record that does not show students' phonological skills.",
                "A record of one point in time only.",
                "A before-and-after record for the group with a note on who made progress and who did not.",
                "As for Meets, and the record shows how grouping or lessons changed in response to the data.",
            ],
        },
        "reflection": {
            "prompts": [
                "Which phonological skill did you target, and why that one for these students?",
                "What did the routine reveal about individual students?",
                "How will you connect this skill to letters and print next?",
            ],
            "levels": [
                "The reflection does not explain the choice of skill.",
                "The reflection explains the choice but draws no conclusions about individual students.",
                "The reflection uses evidence about individual students and names how the next lessons will respond.",
                "As for Meets, and it explains how the sequence will move toward phoneme-level and letter-linked work.",
            ],
        },
    },
    {
        "title": "Interactive Read Aloud",
        "summary": "Read a rich text aloud while students think, talk and listen actively about its meaning and vocabulary.",
        "competency": "The educator plans and leads a read aloud with planned stopping points, text-dependent questions and vocabulary support, so that every student talks about the text.",
        "key_method": "Choose a complex text, plan three to five stopping points with questions that require the text to answer, teach two or three words in context, and use turn-and-talk so all students respond.",
        "research": "Reading aloud with planned, interactive discussion builds vocabulary and listening comprehension beyond what students can yet read on their own.",
        "subject": "Early literacy",
        "grades": ["early_childhood", "k_2", "3_5"],
        "color": "#6b4c9a",
        "alignments": [(DANIELSON, "3b", "Using Questioning and Discussion Techniques", "")],
        "video": {
            "title": "Your read aloud on video",
            "instructions": "Record 5–10 minutes of the read aloud, including at least two stopping points and the talk that follows.",
            "levels": [
                "The text is read without stopping for thinking or talk.",
                "The reading stops for questions, but they can be answered without the text, or only a few students answer.",
                "Planned questions send students back to the text; most students talk with a partner; new words are explained in context.",
                "As for Meets, and students build on each other's answers and use the new words themselves.",
            ],
        },
        "artifact": {
            "title": "Annotated text plan",
            "instructions": "Upload your plan: the book, your stopping points and questions, and the words you chose to teach.",
            "levels": [
                "No plan, or a plan with no questions.",
                "Questions are planned but mostly recall or opinion questions.",
                "Three to five stopping points with text-dependent questions and two or three chosen words with child-friendly explanations.",
                "As for Meets, and the plan says how students will use the words again after the reading.",
            ],
        },
        "reflection": {
            "prompts": [
                "Which question produced the richest talk, and why do you think it worked?",
                "Which students said little, and how will you draw them in next time?",
            ],
            "levels": [
                "The reflection summarizes the book rather than the lesson.",
                "The reflection comments on engagement in general terms.",
                "The reflection analyses specific questions and student responses and names a change for next time.",
                "As for Meets, and it plans how to follow the quieter students' understanding over the next readings.",
            ],
        },
    },
    {
        "title": "Beginning Writing Instruction",
        "summary": "Teach young writers to plan, draw and write a short piece, using their knowledge of sounds and letters.",
        "competency": "The educator models composing a short text aloud, supports students as they plan and write their own, and confers with writers about spelling and meaning.",
        "key_method": "Shared or modelled writing, followed by students writing with a planning tool (picture or sketch), sound-by-sound spelling support, and brief conferences.",
        "research": "Explicit teaching of the writing process and of transcription (handwriting and spelling) improves the quality and length of young children's writing.",
        "subject": "Early literacy",
        "grades": ["k_2"],
        "color": "#8a5a00",
        "video": {
            "title": "A writing lesson on video",
            "instructions": "Record your model of writing and a few minutes of students writing, including at least one conference with a student.",
            "levels": [
                "Students copy a sentence or fill in blanks; no composing is modelled.",
                "Composing is modelled, but students get little support to plan or spell on their own.",
                "The teacher thinks aloud while writing, students plan before writing, and a conference helps a student stretch out a word or add meaning.",
                "As for Meets, and students use classroom tools (sound walls, word lists) on their own and reread their writing to revise it.",
            ],
        },
        "artifact": {
            "title": "Three students' writing",
            "instructions": "Upload the writing of three students from the lesson, with your notes on what each can do and needs next. Remove names.",
            "levels": [
                "Writing samples without any notes.",
                "Notes describe neatness or length only.",
                "Notes name what each writer does with sounds, letters and ideas, and one next step for each.",
                "As for Meets, and the next steps are grouped into a plan for small-group or whole-class teaching.",
            ],
        },
        "reflection": {
            "prompts": [
                "What did your model show students about how writers think?",
                "What do the three samples tell you about your class's next writing lessons?",
            ],
            "levels": [
                "The reflection describes the activity only.",
                "The reflection mentions what went well or badly without evidence.",
                "The reflection uses the samples and the conference to justify the next lessons.",
                "As for Meets, and it links transcription needs and composition needs into one plan.",
            ],
        },
    },
    {
        "title": "Text-Based Discussions",
        "summary": "Lead a discussion in which students make claims about a text and support them with evidence from it.",
        "competency": "The educator poses an open, text-dependent question and facilitates a discussion in which students cite the text and respond to each other.",
        "key_method": "Prepare one central question and a few follow-ups, teach discussion moves (agree, add on, disagree with a reason, point to the text), and step back so students talk to each other.",
        "research": "Structured discussion about texts improves comprehension and students' ability to reason with evidence, particularly when students hold most of the talk.",
        "subject": "Literacy",
        "grades": ["3_5", "6_8"],
        "color": "#2e7d32",
        "alignments": [
            (DANIELSON, "3b", "Using Questioning and Discussion Techniques", ""),
            (INTASC, "5", "Application of Content", ""),
        ],
        "video": {
            "title": "A discussion on video",
            "instructions": "Record 5–10 minutes of a whole-class or small-group discussion about a text the students have read.",
            "levels": [
                "The teacher asks and students answer in turn; students do not refer to the text.",
                "Some students refer to the text, but most exchanges go through the teacher.",
                "Students answer an open question, cite the text, and respond to each other using discussion moves; the teacher mostly prompts.",
                "As for Meets, and students challenge or refine each other's claims with evidence and the discussion reaches a deeper reading of the text.",
            ],
        },
        "artifact": {
            "title": "Discussion plan and tracker",
            "instructions": "Upload your discussion plan (central question and follow-ups) and a record of who spoke and how (a tally or map).",
            "levels": [
                "No plan or record.",
                "A list of questions, most of them with one right answer.",
                "An open central question with follow-ups and a participation record that shows who spoke.",
                "As for Meets, and the record is used to plan support for students who did not speak.",
            ],
        },
        "reflection": {
            "prompts": [
                "What did the participation record show you?",
                "Which moment shows students reasoning from the text? Give the time in the video.",
                "What will you teach before the next discussion?",
            ],
            "levels": [
                "The reflection does not use the record or the video.",
                "The reflection uses one of them in general terms.",
                "The reflection points to a moment in the video and to the record, and names what to teach next.",
                "As for Meets, and it sets a measurable goal for the next discussion.",
            ],
        },
    },
]

CLASSROOM_MANAGEMENT: list[dict[str, Any]] = [
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


def blueprints(specs: list[dict[str, Any]]) -> list[Blueprint]:
    return [_micro_credential(spec) for spec in specs]
