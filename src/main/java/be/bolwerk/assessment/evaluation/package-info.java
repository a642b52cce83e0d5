/** The self-evaluation itself: the assessment aggregate and its answers, who may do what with them, their stores, and the use cases that start, assign, answer and submit one. */
package be.bolwerk.assessment.evaluation;
