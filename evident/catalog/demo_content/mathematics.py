"""Mathematics Instruction (Institute for Classroom Practice): content knowledge, productive talk and fractions on the number line."""

from __future__ import annotations

from evident.catalog.demo_content.helpers import DANIELSON, INTASC, MATH_PRACTICE, Spec

MATHEMATICS: list[Spec] = [
    {
        "title": "Demonstrating Math Content Knowledge",
        "summary": "Explain the mathematics behind a procedure, anticipate how students will think about it, and choose representations that make the idea visible.",
        "competency": "The educator shows accurate, connected knowledge of the mathematics being taught: explains why procedures work, uses precise language, anticipates common student strategies and errors, and selects representations and examples that reveal the underlying idea.",
        "key_method": "Before teaching, solve the task several ways, list the errors students are likely to make and what each reveals, choose a representation that connects to the procedure, and sequence examples so that each one adds a single new feature.",
        "research": "Teachers' mathematical knowledge for teaching (knowing the content in the ways teaching requires, such as analysing errors and choosing representations) predicts student achievement gains.",
        "subject": "Mathematics",
        "grades": ["3_5", "6_8"],
        "effort": "14",
        "pd": "18",
        "color": "#1565c0",
        "citations": [
            (
                "Ball, D. L., Thames, M. H., & Phelps, G. (2008). Content knowledge for teaching: What makes it special? Journal of Teacher Education 59(5), 389–407.",
                "",
            ),
            (
                "Hill, H. C., Rowan, B., & Ball, D. L. (2005). Effects of teachers' mathematical knowledge for teaching on student achievement. American Educational Research Journal 42(2), 371–406.",
                "",
            ),
        ],
        "alignments": [
            (DANIELSON, "1a", "Demonstrating Knowledge of Content and Pedagogy", ""),
            (INTASC, "4", "Content Knowledge", ""),
        ],
        "video": {
            "title": "Explaining the mathematics",
            "instructions": "Record 5–10 minutes in which you explain a concept or procedure and respond to at least one student's incorrect or unexpected answer.",
            "levels": [
                "The explanation contains mathematical errors, or a student's error is simply marked wrong.",
                "The explanation is correct but procedural (“move the decimal point”), and responses to errors re-state the steps.",
                "The explanation says why the procedure works using precise language and a representation, and the response to an error uses it to build understanding.",
                "As for Meets, and the teacher connects two representations or two students' strategies and shows how they express the same idea.",
            ],
        },
        "artifact": {
            "title": "Task analysis",
            "instructions": "Upload your analysis of the main task: at least two solution strategies, three likely errors with the thinking behind each, the representation you chose and why, and your sequence of examples.",
            "levels": [
                "A single worked answer with no analysis.",
                "Several strategies or errors are listed, but the thinking behind them is not explained.",
                "Strategies are correct, each error is traced to a misconception, and the representation and example sequence are justified mathematically.",
                "As for Meets, and the analysis connects the idea to what students learned in earlier grades and will learn next.",
            ],
        },
        "reflection": {
            "prompts": [
                "Which student error in the lesson surprised you, and what does it tell you about their understanding?",
                "How well did your chosen representation help students see the idea?",
                "What mathematics will you study further before teaching this again?",
            ],
            "levels": [
                "The reflection does not discuss the mathematics.",
                "The reflection discusses student errors without explaining the thinking behind them.",
                "The reflection analyses a specific error mathematically, judges the representation with evidence, and names what to study next.",
                "As for Meets, and it plans an example or question designed to surface the misconception earlier next time.",
            ],
        },
    },
    {
        "title": "Facilitating Mathematically Productive Discussions",
        "summary": "Use students' own solutions to build a whole-class discussion that moves everyone toward the lesson's mathematical goal.",
        "competency": "The educator anticipates student strategies, monitors their work, selects and sequences solutions to share, and uses talk moves so that students compare strategies and connect them to the key mathematical idea.",
        "key_method": "The five practices: anticipate, monitor, select, sequence, connect; supported by talk moves such as revoicing, asking students to restate someone else's reasoning, asking for agreement or disagreement with reasons, and wait time.",
        "research": "Discussions planned around anticipated student strategies, and led with talk moves that press for reasoning, help students build conceptual understanding and argue mathematically.",
        "subject": "Mathematics",
        "grades": ["k_2", "3_5", "6_8"],
        "effort": "12",
        "pd": "15",
        "color": "#0277bd",
        "citations": [
            (
                "Smith, M. S., & Stein, M. K. (2011). 5 Practices for Orchestrating Productive Mathematics Discussions. National Council of Teachers of Mathematics.",
                "",
            ),
            (
                "Chapin, S. H., O'Connor, C., & Anderson, N. C. (2009). Classroom Discussions: Using Math Talk to Help Students Learn, Grades K–6 (2nd ed.). Math Solutions.",
                "",
            ),
        ],
        "alignments": [
            (DANIELSON, "3b", "Using Questioning and Discussion Techniques", ""),
            (MATH_PRACTICE, "MP3", "Construct viable arguments and critique the reasoning of others", ""),
        ],
        "video": {
            "title": "The whole-class discussion",
            "instructions": "Record 5–10 minutes of the discussion after students have worked on a task, including at least two students sharing different strategies.",
            "levels": [
                "Students share answers only, or the teacher explains the solution after students have shared.",
                "Several strategies are shared one after another, but they are not compared or connected to the mathematical goal.",
                "Strategies are shared in a deliberate order; talk moves get students to explain, restate and compare; the discussion makes the key idea explicit.",
                "As for Meets, and students question each other directly and the class reaches a generalisation in students' own words.",
            ],
        },
        "artifact": {
            "title": "Planning and monitoring chart",
            "instructions": "Upload the task, your chart of anticipated strategies, your notes from monitoring (which students used which strategy, initials only), and the sequence you chose with reasons.",
            "levels": [
                "The task only, with no anticipated strategies.",
                "Anticipated strategies are listed, but monitoring notes or the sequence are missing.",
                "Anticipated strategies, monitoring notes and a sequence justified by the mathematical goal are all present.",
                "As for Meets, and the chart records strategies that were not anticipated and how the plan changed to include them.",
            ],
        },
        "reflection": {
            "prompts": [
                "Why did you choose that order of strategies, and did it build toward the goal?",
                "Which talk move produced the most reasoning from students? Give the time in the video.",
                "Whose thinking was not heard, and how will you bring it in next time?",
            ],
            "levels": [
                "The reflection describes the lesson without the planning chart or video.",
                "The reflection explains the sequence but does not judge its effect.",
                "The reflection evaluates the sequence and a talk move with evidence from the video and names students to bring in next time.",
                "As for Meets, and it considers how status or confidence shaped who shared and plans to assign competence to specific students.",
            ],
        },
    },
    {
        "title": "Applying Number Lines in Fraction Instruction",
        "summary": "Teach fractions as numbers with a place on the number line, so students can compare, order and reason about their size.",
        "competency": "The educator uses the number line as a central representation for fractions: students partition intervals, place and compare fractions, and see equivalent fractions as the same point.",
        "key_method": "Start from the unit interval; have students partition it into equal parts and label the points; place fractions and mixed numbers, including beyond 1; use benchmarks (0, ½, 1) to compare; show equivalence as one point with several names.",
        "research": "Understanding fractions as magnitudes on a number line predicts later mathematics achievement, and number-line-focused instruction improves students' fraction understanding more than part–whole area models alone.",
        "subject": "Mathematics",
        "grades": ["3_5", "6_8"],
        "effort": "10",
        "pd": "12",
        "color": "#00695c",
        "citations": [
            (
                "Siegler, R. et al. (2010). Developing Effective Fractions Instruction for Kindergarten Through 8th Grade. IES Practice Guide (NCEE 2010-4039).",
                "",
            ),
            (
                "Fuchs, L. S. et al. (2013). Improving at-risk learners' understanding of fractions. Journal of Educational Psychology 105(3), 683–700.",
                "",
            ),
        ],
        "alignments": [
            (MATH_PRACTICE, "MP5", "Use appropriate tools strategically", ""),
            (INTASC, "4", "Content Knowledge", ""),
        ],
        "video": {
            "title": "Fractions on the number line",
            "instructions": "Record 5–10 minutes of a lesson in which students place or compare fractions on a number line. Keep the camera on the board and students' work.",
            "levels": [
                "The number line appears only as a picture; students do not partition or place fractions themselves.",
                "Students place fractions, but intervals are unequal or not checked, or all fractions are between 0 and 1.",
                "Students partition equal intervals, label points, place fractions including at least one greater than 1, and justify comparisons using the line.",
                "As for Meets, and students use the line to show that two fractions are equivalent and explain why they share a point.",
            ],
        },
        "artifact": {
            "title": "Task sequence and student work",
            "instructions": "Upload the sequence of number-line tasks you used over several lessons and work from three students at different levels, with your notes on each (no names).",
            "levels": [
                "Tasks only, or work without notes.",
                "Tasks are included but do not progress, or notes say only right or wrong.",
                "Tasks progress from partitioning to placing to comparing, and notes identify each student's understanding of fraction size.",
                "As for Meets, and the notes lead to different next tasks for the three students.",
            ],
        },
        "reflection": {
            "prompts": [
                "What did students' placement of fractions reveal that an area model would have hidden?",
                "Which misconception about fraction size did you see, and how did you respond?",
                "How will you connect the number line to fraction operations next?",
            ],
            "levels": [
                "The reflection is about the activity, not students' understanding of fractions.",
                "The reflection mentions a misconception without evidence.",
                "The reflection uses student work to describe a misconception about magnitude and the response to it.",
                "As for Meets, and it plans how the number line will support addition or multiplication of fractions.",
            ],
        },
    },
    {
        "title": "Conducting a Student Interview Using Number Lines",
        "summary": "Interview one student about fractions with a number line to uncover how they reason, then plan teaching from what you heard.",
        "competency": "The educator conducts a one-to-one diagnostic interview with planned number-line tasks and neutral follow-up questions, records the student's reasoning, and uses it to plan instruction for that student.",
        "key_method": "Plan four or five tasks of rising difficulty; ask the student to think aloud; follow up with neutral probes (“How did you decide?”, “Show me on the line”) without correcting or teaching; record exactly what the student says and does.",
        "research": "Clinical interviews reveal children's mathematical thinking that written answers hide, and teachers who learn to attend to and interpret children's strategies make better instructional decisions.",
        "subject": "Mathematics",
        "grades": ["3_5", "6_8"],
        "effort": "8",
        "pd": "10",
        "color": "#4527a0",
        "citations": [
            (
                "Ginsburg, H. P. (1997). Entering the Child's Mind: The Clinical Interview in Psychological Research and Practice. Cambridge University Press.",
                "",
            ),
            (
                "Jacobs, V. R., Lamb, L. L. C., & Philipp, R. A. (2010). Professional noticing of children's mathematical thinking. Journal for Research in Mathematics Education 41(2), 169–202.",
                "",
            ),
        ],
        "alignments": [
            (DANIELSON, "1b", "Demonstrating Knowledge of Students", ""),
            (INTASC, "6", "Assessment", ""),
        ],
        "video": {
            "title": "The interview",
            "instructions": "Record a 5–10 minute interview with one student (with the family's permission). Film the student's hands and the number line; the face is not needed.",
            "levels": [
                "The interviewer teaches, corrects or leads the student to the answer.",
                "Tasks are posed, but follow-ups are closed (“Are you sure?”) or missing, so the student's reasoning stays hidden.",
                "Neutral probes draw out the student's reasoning on every task, without correcting, and the interviewer adapts the next task to the response.",
                "As for Meets, and the interviewer tests a hypothesis about the student's thinking with a task designed on the spot.",
            ],
        },
        "artifact": {
            "title": "Interview protocol and record",
            "instructions": "Upload the planned tasks and probes, your record of the student's responses, and your summary of what the student understands and a plan for two lessons.",
            "levels": [
                "No protocol or record.",
                "A record of right and wrong answers without the student's words or methods.",
                "A protocol with rising tasks, a record of the student's words and actions, and a summary that leads to a specific teaching plan.",
                "As for Meets, and the plan says how you will know after two lessons whether the student's understanding has changed.",
            ],
        },
        "reflection": {
            "prompts": [
                "What did the student understand that you did not expect?",
                "When did you feel tempted to teach during the interview, and what did you do instead?",
                "How will interviewing change the way you question the whole class?",
            ],
            "levels": [
                "The reflection judges the student as strong or weak without describing their thinking.",
                "The reflection describes the answers but not the reasoning behind them.",
                "The reflection interprets the student's reasoning with evidence and names how it changes the teaching plan.",
                "As for Meets, and it plans how to use short interviews with other students regularly.",
            ],
        },
    },
]
