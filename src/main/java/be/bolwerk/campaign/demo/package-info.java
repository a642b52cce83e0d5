/** The demo campaign, opened when the demo data is switched on so that the campaign pages have something to show. */
package be.bolwerk.campaign.demo;
