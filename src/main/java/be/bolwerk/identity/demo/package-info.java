/** The published demo accounts: who they are and the data that creates them in the demo profile. */
package be.bolwerk.identity.demo;
