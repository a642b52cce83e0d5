/** The campaign pages of the programme office, its completion export, and an organisation's deadline notice. */
package be.bolwerk.campaign.web;
