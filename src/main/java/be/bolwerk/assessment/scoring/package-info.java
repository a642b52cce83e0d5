/** Turning answers into figures: scores per area and overall, spreads, gaps, the peer benchmark and the programme office's view of submitted totals. */
package be.bolwerk.assessment.scoring;
