/** Evidence attached to answers: files checked by their content and http(s) links, with who may add, download and remove them. */
package be.bolwerk.assessment.evidence;
