/** The engagement pages: the list, requesting and editing the scope, the engagement page with every step, the stop. */
package be.bolwerk.engagement.web;
