"""Early Literacy (Institute for Classroom Practice): sounds, letters, words and meaning in the early grades."""

from __future__ import annotations

from evident.catalog.demo_content.helpers import DANIELSON, INTASC, Spec

EARLY_LITERACY: list[Spec] = [
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
        "citations": [
            (
                "Beck, I. L., & McKeown, M. G. (2001). Text Talk: Capturing the benefits of read-aloud experiences for young children. The Reading Teacher 55(1), 10–20.",
                "",
            ),
        ],
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
                "Which of the words you taught did students use again, and where will they meet them next?",
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
        "citations": [
            (
                "Graham, S. et al. (2012). Teaching Elementary School Students to Be Effective Writers. IES Practice Guide (NCEE 2012-4058).",
                "",
            ),
        ],
        "alignments": [(INTASC, "8", "Instructional Strategies", "")],
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
                "Which spelling or handwriting need came up in more than one sample, and how will you teach it?",
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
        "citations": [
            (
                "Murphy, P. K. et al. (2009). Examining the effects of classroom discussion on students' comprehension of text: A meta-analysis. Journal of Educational Psychology 101(3), 740–764.",
                "",
            ),
        ],
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
