"""Data-Driven Instruction (Teaching Forward): aligned assessments and formative evidence that changes teaching."""

from __future__ import annotations

from evident.catalog.demo_content.helpers import DANIELSON, INTASC, Spec

DATA_DRIVEN_INSTRUCTION: list[Spec] = [
    {
        "title": "Aligning Learning Objectives with Assessments",
        "summary": "Make sure each assessment measures what the lesson or unit set out to teach, at the level of thinking the objective asks for.",
        "competency": "The educator writes clear learning objectives, designs or selects assessment items that match each objective in content and cognitive demand, and revises items or objectives where they do not match.",
        "key_method": "List the unit's objectives; classify each by content and thinking level; map every assessment item to an objective; look for objectives with no items, items with no objective, and items that ask for less (or different) thinking than the objective.",
        "research": "Backward design and constructive alignment argue that teaching, tasks and assessment should all serve the same stated outcomes; misaligned assessments give misleading information about learning.",
        "subject": "Assessment",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "8",
        "pd": "10",
        "color": "#e65100",
        "citations": [
            ("Wiggins, G., & McTighe, J. (2005). Understanding by Design (expanded 2nd ed.). ASCD.", ""),
            (
                "Anderson, L. W., & Krathwohl, D. R. (Eds.) (2001). A Taxonomy for Learning, Teaching, and Assessing: A Revision of Bloom's Taxonomy of Educational Objectives. Longman.",
                "",
            ),
        ],
        "alignments": [
            (DANIELSON, "1f", "Designing Student Assessments", ""),
            (INTASC, "6", "Assessment", ""),
        ],
        "video": {
            "title": "The assessment with students",
            "instructions": "Record 5–10 minutes in which you introduce the assessment to students and connect it to the objectives they have been working toward.",
            "levels": [
                "The assessment is handed out without any link to what was taught.",
                "Objectives are mentioned, but students cannot see which parts of the assessment relate to which objective.",
                "The teacher shows students which objective each part of the assessment measures and what a strong response demonstrates.",
                "As for Meets, and students use the objectives to say which parts they feel ready for and which they need to review.",
            ],
        },
        "artifact": {
            "title": "Alignment map",
            "instructions": "Upload the unit objectives, the assessment, and a map linking each item to an objective with its thinking level; show any items you revised and why.",
            "levels": [
                "Objectives and assessment without a map.",
                "A map that links items to topics rather than objectives, or ignores thinking level.",
                "Every item is mapped to an objective and thinking level; gaps and mismatches are identified and revised.",
                "As for Meets, and student results are used to check whether revised items work as intended.",
            ],
        },
        "reflection": {
            "prompts": [
                "Which objective was least well measured before your revision, and why?",
                "What did the aligned assessment tell you that the old one did not?",
                "How will alignment change the way you plan the next unit?",
            ],
            "levels": [
                "The reflection describes the assessment.",
                "The reflection notes mismatches without explaining their consequences.",
                "The reflection explains a specific mismatch, its effect on what results meant, and how planning will change.",
                "As for Meets, and it plans to check alignment with a colleague on a shared assessment.",
            ],
        },
    },
    {
        "title": "Modifying Instruction through Formative Assessments During a Lesson",
        "summary": "Check every student's understanding at key points during a lesson and change course on the spot when the evidence says so.",
        "competency": "The educator plans hinge points in a lesson, gathers evidence from every student (not only volunteers) at those points, interprets it quickly and adjusts instruction in the moment.",
        "key_method": "Plan one or two hinge questions whose wrong answers reveal specific misconceptions; use all-student response (mini whiteboards, cards, a quick poll); decide in advance what you will do for each response pattern; act on it within the lesson.",
        "research": "Formative assessment, when evidence is used to adapt teaching to students' needs during learning, produces some of the largest gains reported in education research.",
        "subject": "Assessment",
        "grades": ["k_2", "3_5", "6_8", "9_12"],
        "effort": "8",
        "pd": "10",
        "color": "#ef6c00",
        "citations": [
            (
                "Black, P., & Wiliam, D. (1998). Inside the black box: Raising standards through classroom assessment. Phi Delta Kappan 80(2), 139–148.",
                "",
            ),
            ("Wiliam, D. (2011). Embedded Formative Assessment. Solution Tree Press.", ""),
        ],
        "alignments": [
            (DANIELSON, "3d", "Using Assessment in Instruction", ""),
            (DANIELSON, "3e", "Demonstrating Flexibility and Responsiveness", ""),
        ],
        "video": {
            "title": "The hinge point",
            "instructions": "Record 5–10 minutes around a planned check for understanding: the question, students' responses and what you did next.",
            "levels": [
                "Understanding is checked by asking “Any questions?” or calling on volunteers.",
                "Every student responds, but the lesson continues as planned regardless of the responses.",
                "Every student responds to a question designed to reveal misconceptions, and the teacher adjusts instruction according to the pattern of answers.",
                "As for Meets, and the teacher responds differently to different groups (for example, re-teaching some while others extend).",
            ],
        },
        "artifact": {
            "title": "Hinge questions and decisions",
            "instructions": "Upload the lesson plan with hinge questions, the misconception behind each wrong answer, your planned responses, and a record of the actual responses and what you did.",
            "levels": [
                "No planned questions.",
                "Questions are planned, but wrong answers are not linked to misconceptions or responses.",
                "Each question's wrong answers are linked to misconceptions and planned responses; the record shows what happened.",
                "As for Meets, and the question is revised for next time based on how well it discriminated between students.",
            ],
        },
        "reflection": {
            "prompts": [
                "What did the responses tell you, and was your adjustment the right one?",
                "Did the question reveal the misconception you expected? If not, why?",
                "How will you make all-student response a routine rather than a one-off?",
            ],
            "levels": [
                "The reflection reports that students understood or did not.",
                "The reflection describes responses but does not evaluate the adjustment.",
                "The reflection evaluates the adjustment with evidence and judges the question's quality.",
                "As for Meets, and it plans how to build a bank of hinge questions with colleagues.",
            ],
        },
    },
    {
        "title": "Using Formative Assessment to Modify Future Instruction",
        "summary": "Analyse exit tickets, quizzes or student work after a lesson and use the patterns to plan the next lessons.",
        "competency": "The educator collects formative evidence at the end of a lesson or sequence, sorts it to identify patterns of understanding and error, and plans subsequent instruction that responds to those patterns.",
        "key_method": "Use a short task tied to the objective; sort responses into three or four piles by understanding (not score); name the misconception in each pile; plan the next lesson's opening and groupings from the piles; check again after teaching.",
        "research": "Using student data to set goals and adjust instruction improves outcomes when teachers move from data to specific instructional changes and check their effect.",
        "subject": "Assessment",
        "grades": ["k_2", "3_5", "6_8", "9_12"],
        "effort": "10",
        "pd": "12",
        "color": "#f57c00",
        "citations": [
            (
                "Hamilton, L. et al. (2009). Using Student Achievement Data to Support Instructional Decision Making. IES Practice Guide (NCEE 2009-4067).",
                "",
            ),
            (
                "Boudett, K. P., City, E. A., & Murnane, R. J. (Eds.) (2013). Data Wise: A Step-by-Step Guide to Using Assessment Results to Improve Teaching and Learning (revised ed.). Harvard Education Press.",
                "",
            ),
        ],
        "alignments": [
            (INTASC, "6", "Assessment", ""),
            (DANIELSON, "4a", "Reflecting on Teaching", ""),
        ],
        "video": {
            "title": "The lesson you planned from the evidence",
            "instructions": "Record 5–10 minutes of the lesson that follows your analysis, showing how it responds to what the evidence showed.",
            "levels": [
                "The next lesson proceeds as originally planned.",
                "The lesson reviews the previous content for everyone in the same way.",
                "The lesson addresses the specific misconceptions found, and students are grouped or supported according to the analysis.",
                "As for Meets, and the lesson includes a quick check showing whether the misconception has been resolved.",
            ],
        },
        "artifact": {
            "title": "Sorted evidence and plan",
            "instructions": "Upload the formative task, a summary of how you sorted the responses (with examples, no names), the misconception in each group, and your plan for the next lesson.",
            "levels": [
                "Scores only.",
                "Responses are grouped by score, without the reasoning behind them.",
                "Responses are sorted by understanding with examples, misconceptions are named, and the plan addresses each group.",
                "As for Meets, and results from the follow-up check are added and compared.",
            ],
        },
        "reflection": {
            "prompts": [
                "Which pattern in the evidence most changed your plan?",
                "How did the follow-up lesson go for the group with the biggest misconception?",
                "What will you change about the formative task itself?",
            ],
            "levels": [
                "The reflection restates the plan.",
                "The reflection describes the patterns without linking them to the lesson's effect.",
                "The reflection traces one pattern from evidence to plan to result, and names a change to the task.",
                "As for Meets, and it considers whether some students were misclassified and how to check.",
            ],
        },
    },
    {
        "title": "Strategic Grouping Based on Data",
        "summary": "Form and re-form student groups for a specific purpose from current evidence, rather than fixed ability labels.",
        "competency": "The educator uses recent assessment evidence to form temporary, purpose-specific groups, gives each group instruction matched to its need, and changes the groups as the evidence changes.",
        "key_method": "Decide the purpose first (re-teaching a skill, extending, mixed-skill collaboration); form groups from a specific recent task; plan what each group does and what the teacher does; regroup after the next check; keep records to make sure no group becomes permanent.",
        "research": "Flexible, skill-based grouping within a class can raise achievement when instruction is adapted for each group; fixed ability grouping without adapted instruction does not.",
        "subject": "Assessment",
        "grades": ["k_2", "3_5", "6_8"],
        "effort": "10",
        "pd": "12",
        "color": "#bf360c",
        "citations": [
            (
                "Lou, Y., Abrami, P. C., Spence, J. C., Poulsen, C., Chambers, B., & d'Apollonia, S. (1996). Within-class grouping: A meta-analysis. Review of Educational Research 66(4), 423–458.",
                "",
            ),
            (
                "Slavin, R. E. (1987). Ability grouping and student achievement in elementary schools: A best-evidence synthesis. Review of Educational Research 57(3), 293–336.",
                "",
            ),
        ],
        "alignments": [
            (INTASC, "2", "Learning Differences", ""),
            (DANIELSON, "3c", "Engaging Students in Learning", ""),
        ],
        "video": {
            "title": "Groups at work",
            "instructions": "Record 5–10 minutes of groups working, including your time with at least one group and a view of what the other groups are doing.",
            "levels": [
                "Groups are formed but all do the same task, or groups are left without meaningful work while the teacher works with one.",
                "Groups have different tasks, but the tasks are not clearly matched to the evidence.",
                "Each group's task matches its identified need, the teacher's time is targeted, and the other groups work productively on their own.",
                "As for Meets, and the teacher moves a student to a different group during the lesson in response to their work.",
            ],
        },
        "artifact": {
            "title": "Grouping record over time",
            "instructions": "Upload a grouping record for two or three cycles (student numbers, not names), the evidence each grouping was based on, and the purpose and task for each group.",
            "levels": [
                "A single list of groups.",
                "Groups are recorded but the evidence behind them is missing.",
                "Two or more cycles are recorded with evidence, purpose and task for each group, and membership changes between cycles.",
                "As for Meets, and the record shows a check that every student has been in a range of groups.",
            ],
        },
        "reflection": {
            "prompts": [
                "How did the evidence lead to these groups, and what surprised you?",
                "Which students moved between groups, and what caused the move?",
                "How do students perceive the groups, and how do you keep them from becoming labels?",
            ],
            "levels": [
                "The reflection describes groups by ability level.",
                "The reflection describes the evidence but not how groups changed.",
                "The reflection uses the record to show flexible, evidence-based movement and addresses how students perceive the groups.",
                "As for Meets, and it plans how to include students' own judgement in grouping.",
            ],
        },
    },
    {
        "title": "Utilizing Assessment Criteria with Students",
        "summary": "Share and unpack assessment criteria with students so they can judge the quality of work, give peers feedback and improve their own.",
        "competency": "The educator makes assessment criteria explicit, helps students understand them through examples of work, and teaches students to use them for self-assessment and peer feedback that leads to revision.",
        "key_method": "Share criteria in student language; have students sort or rank anonymous examples against them; model giving feedback that cites a criterion; structure peer and self-assessment; require a revision that responds to the feedback.",
        "research": "Students improve when they understand what quality looks like, can compare their work to it, and have a way to close the gap; self-assessment with criteria has positive effects on achievement and self-regulation.",
        "subject": "Assessment",
        "grades": ["3_5", "6_8", "9_12"],
        "effort": "8",
        "pd": "10",
        "color": "#d84315",
        "citations": [
            (
                "Sadler, D. R. (1989). Formative assessment and the design of instructional systems. Instructional Science 18(2), 119–144.",
                "",
            ),
            (
                "Andrade, H., & Valtcheva, A. (2009). Promoting learning and achievement through self-assessment. Theory Into Practice 48(1), 12–19.",
                "",
            ),
        ],
        "alignments": [
            (DANIELSON, "3d", "Using Assessment in Instruction", ""),
            (INTASC, "6", "Assessment", ""),
        ],
        "video": {
            "title": "Students using the criteria",
            "instructions": "Record 5–10 minutes showing students examining examples against the criteria and giving each other feedback.",
            "levels": [
                "Criteria are displayed but not used by students.",
                "Students assess examples or each other, but comments are general (“good job”).",
                "Students use the criteria to judge examples and give peers feedback that names a specific criterion and a change.",
                "As for Meets, and students disagree about an example and resolve it by reference to the criteria.",
            ],
        },
        "artifact": {
            "title": "Criteria, examples and revisions",
            "instructions": "Upload the criteria, the examples you used, and two students' drafts with peer feedback and the revised versions (no names).",
            "levels": [
                "Criteria only.",
                "Drafts without feedback or revisions.",
                "Drafts show peer feedback tied to criteria, and revisions respond to it.",
                "As for Meets, and students' self-assessments are compared with the teacher's judgement.",
            ],
        },
        "reflection": {
            "prompts": [
                "How well did students understand the criteria before and after working with examples?",
                "What distinguished useful peer feedback from unhelpful feedback?",
                "How will you build students' independence in using criteria?",
            ],
            "levels": [
                "The reflection states the criteria were shared.",
                "The reflection comments on feedback quality without examples.",
                "The reflection uses drafts and revisions to show the criteria's effect and names what made feedback useful.",
                "As for Meets, and it plans how students will help write criteria in a later unit.",
            ],
        },
    },
]
