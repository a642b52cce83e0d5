/** The synchronous listeners that turn other modules' events and Spring Security's into rows of the trail, in the transaction of the change they record. */
package be.bolwerk.audittrail.recording;
