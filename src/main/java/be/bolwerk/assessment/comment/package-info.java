/** Comments between colleagues on one control of a self-evaluation, with mentions that mail the colleague. */
package be.bolwerk.assessment.comment;
