/** The chain itself: rows appended under the locked head, read back (search, export) and verified by HMAC, with its checkpoints, its key and the command-line verifier. */
package be.bolwerk.audittrail.chain;
