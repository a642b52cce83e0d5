/** The lessons page of an incident: root cause, lessons, and taking a lesson into the improvement plan. */
package be.bolwerk.incident.review.web;
