/** The self-evaluation pages and their forms: lists, overview, areas and answers, evidence, workbook round trip, results and the programme overview. */
package be.bolwerk.assessment.web;
