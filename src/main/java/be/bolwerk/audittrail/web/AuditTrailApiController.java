package be.bolwerk.audittrail.web;

import be.bolwerk.audittrail.chain.AuditLog;
import be.bolwerk.audittrail.chain.Checkpoint;
import be.bolwerk.audittrail.chain.Verification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verification of the audit trail for monitoring: platform admins only. */
@RestController
@RequestMapping(path = "/api/v1/audit-trail", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit trail", description = "Integrity of the tamper-evident audit trail")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class AuditTrailApiController {

    private final AuditLog log;

    AuditTrailApiController(AuditLog log) {
        this.log = log;
    }

    /** A POST because the check itself is recorded in the trail. */
    @PostMapping("/verification")
    @Operation(summary = "Walk the whole chain; report the first edited, missing or reordered row")
    Verification verify() {
        return log.verifyAndRecord();
    }

    /** For a monitor that keeps every answer: the chain must never go back to fewer rows or another HMAC. */
    @GetMapping("/checkpoint")
    @Operation(summary = "The head of the chain now: position, HMAC of that row and the head's seal")
    Checkpoint checkpoint() {
        return log.checkpoint();
    }
}
