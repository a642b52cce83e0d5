/** Demo profile only: findings in several states for the demo organisations' registers. */
package be.bolwerk.findings.demo;
