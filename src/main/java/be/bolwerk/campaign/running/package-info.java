/** Running a campaign: opening it and inviting, the completion per organisation, reminders and extensions. */
package be.bolwerk.campaign.running;
