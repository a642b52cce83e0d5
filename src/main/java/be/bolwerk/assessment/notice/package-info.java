/** The mails a self-evaluation sends to the people it concerns: an area given, an area finished, a submission. */
package be.bolwerk.assessment.notice;
