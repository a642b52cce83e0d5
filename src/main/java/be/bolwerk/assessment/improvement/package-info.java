/** Improvement actions an organisation plans on the gaps of its self-evaluation. */
package be.bolwerk.assessment.improvement;
