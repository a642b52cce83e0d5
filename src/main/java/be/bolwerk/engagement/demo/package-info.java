/** Demo profile only: two engagements, one signed and under way with findings, one waiting for its signature. */
package be.bolwerk.engagement.demo;
