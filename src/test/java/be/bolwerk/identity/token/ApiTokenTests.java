package be.bolwerk.identity.token;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Personal API tokens: shown once, stored hashed, scoped, expiring, revocable, last use recorded. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTokenTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final ApiTokens tokens;

    ApiTokenTests(
            @Autowired MockMvc mvc,
            @Autowired JdbcClient jdbc,
            @Autowired UserAccounts accounts,
            @Autowired ApiTokens tokens) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** The demo ISO of Gemeente Appelkerke, as stored (tokens belong to stored accounts). */
    private CurrentUser iso() {
        return accounts.findByEmail("iso@appelkerke.invalid").orElseThrow().toCurrentUser();
    }

    @Test
    void aTokenIsShownOnceStoredHashedAndReadsWithTheOwnersRights() throws Exception {
        String page = mvc.perform(post("/account/tokens")
                        .param("name", "Rapport gemeenteraad")
                        .param("scope", "READ")
                        .param("validityDays", "30")
                        .with(signedIn(iso()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher shown =
                Pattern.compile("id=\"new-token\">(bwk_[A-Za-z0-9_-]{43})<").matcher(page);
        assertThat(shown.find()).isTrue();
        String token = shown.group(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = :h")
                        .param("h", ApiTokens.hash(token))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = :t OR token_prefix = :t")
                        .param("t", token)
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(get("/account/tokens").with(signedIn(iso())))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(token))));

        mvc.perform(get("/api/v1/organisations").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(DemoOrganisationIds.APPELKERKE.toString()));
        mvc.perform(get("/api/v1/organisations/" + DemoOrganisationIds.OCMW_MUNTHOVE)
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT last_used_at FROM api_token WHERE token_hash = :h")
                        .param("h", ApiTokens.hash(token))
                        .query()
                        .singleValue())
                .isNotNull();
    }

    @Test
    void aTokenOpensTheApiOnlyNotThePages() throws Exception {
        String token = tokens.create(iso().id(), "alleen api", ApiTokens.Scope.WRITE, 30);

        mvc.perform(get("/organisations").header("Authorization", "Bearer " + token))
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aReadTokenMayNotChangeAnything() throws Exception {
        CurrentUser admin =
                accounts.findByEmail("beheer@bolwerk.invalid").orElseThrow().toCurrentUser();
        String read = tokens.create(admin.id(), "lezen", ApiTokens.Scope.READ, 30);
        String write = tokens.create(admin.id(), "schrijven", ApiTokens.Scope.WRITE, 30);

        mvc.perform(post("/api/v1/audit-trail/verification").header("Authorization", "Bearer " + read))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/audit-trail/verification").header("Authorization", "Bearer " + write))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true));
    }

    @Test
    void revokedExpiredAndUnknownTokensGet401ProblemDetails() throws Exception {
        CurrentUser iso = iso();
        String revoked = tokens.create(iso.id(), "wordt ingetrokken", ApiTokens.Scope.READ, 30);
        UUID revokedId = tokens.of(iso.id()).stream()
                .filter(t -> t.name().equals("wordt ingetrokken"))
                .findFirst()
                .orElseThrow()
                .id();
        mvc.perform(post("/account/tokens/" + revokedId + "/revoke")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"));
        String expired = tokens.create(iso.id(), "verloopt", ApiTokens.Scope.READ, 1);
        jdbc.sql("UPDATE api_token SET expires_at = created_at WHERE token_hash = :h")
                .param("h", ApiTokens.hash(expired))
                .update();

        for (String token : new String[] {revoked, expired, "bwk_" + "A".repeat(43), "iets anders"}) {
            mvc.perform(get("/api/v1/organisations").header("Authorization", "Bearer " + token))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Niet aangemeld"));
        }
    }

    /**
     * The 401 and 403 that the filter chain answers before any controller speak the caller's language like every
     * other problem: the language cookie decides, Dutch without it.
     */
    @Test
    void securityRefusalsAnswerInTheCallersLanguage() throws Exception {
        Cookie english = new Cookie("BOLWERK_LANG", "en");
        mvc.perform(get("/api/v1/organisations").cookie(english))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not signed in"))
                .andExpect(jsonPath("$.detail").value("Sign in to use this function."));
        mvc.perform(get("/api/v1/organisations"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Niet aangemeld"))
                .andExpect(jsonPath("$.detail").value("Meld u aan om deze functie te gebruiken."));

        CurrentUser admin =
                accounts.findByEmail("beheer@bolwerk.invalid").orElseThrow().toCurrentUser();
        String read = tokens.create(admin.id(), "lezen, in het Engels", ApiTokens.Scope.READ, 30);
        mvc.perform(post("/api/v1/audit-trail/verification")
                        .header("Authorization", "Bearer " + read)
                        .cookie(english))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("No access"))
                .andExpect(jsonPath("$.detail").value("You may not use this function."));
    }

    @Test
    void someoneElsesTokenCannotBeRevoked() throws Exception {
        CurrentUser owner =
                accounts.findByEmail("iso@munthove.invalid").orElseThrow().toCurrentUser();
        String token = tokens.create(owner.id(), "van een ander", ApiTokens.Scope.READ, 30);
        UUID id = tokens.of(owner.id()).get(0).id();

        mvc.perform(post("/account/tokens/" + id + "/revoke")
                        .with(signedIn(iso()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
    }

    @Test
    void invalidFormInputIsRefusedWithDutchMessages() throws Exception {
        mvc.perform(post("/account/tokens")
                        .param("name", "")
                        .param("scope", "READ")
                        .param("validityDays", "9999")
                        .with(signedIn(iso()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vul dit veld in.")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"new-token\""))));
        mvc.perform(post("/account/tokens")
                        .param("name", "<script>alert(1)</script>")
                        .param("scope", "ADMIN")
                        .param("validityDays", "30")
                        .with(signedIn(iso()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"new-token\""))));
    }
}
