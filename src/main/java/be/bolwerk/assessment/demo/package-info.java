/** Demo self-evaluations for the demo organisations, created when the demo data is switched on. */
package be.bolwerk.assessment.demo;
