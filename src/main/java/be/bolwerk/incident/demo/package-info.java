/** Demo profile only: incidents in several stages, written through the module's use cases as the demo's people. */
package be.bolwerk.incident.demo;
