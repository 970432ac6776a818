package io.accord.lead;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import io.accord.support.Api;
import io.accord.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** accord.privacy.contact-roles (default admin, marketing, sales, sales_manager) decides who reads email and phone. */
@QuarkusTest
class ContactVisibilityTest {

    private static final List<String> SEE = List.of("admin", "marketing", "sales", "sales_manager");
    private static final List<String> HIDDEN = List.of("viewer", "integrator");

    private static Map<String, Object> leadWithContact(String source) {
        Map<String, Object> body = Fixtures.lead(source, Api.slug("c"), "DE");
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", "Ada Weber");
        contact.put("email", "ada@acme.example");
        contact.put("phone", "+49 30 1234567");
        contact.put("title", "CTO");
        body.put("contact", contact);
        return body;
    }

    @Test
    void contactRolesReadEmailAndPhone() {
        String source = Api.slug("vis");
        String id = Fixtures.ingest(leadWithContact(source));
        for (String role : SEE) {
            for (Supplier<RequestSpecification> caller : callers(role)) {
                caller.get().get("/api/v1/leads/" + id).then().statusCode(200)
                        .body("contact.email", equalTo("ada@acme.example"))
                        .body("contact.phone", equalTo("+49 30 1234567"))
                        .body("contact.name", equalTo("Ada Weber"));
                caller.get().queryParam("source", source).get("/api/v1/leads").then().statusCode(200)
                        .body("items[0].contact.email", equalTo("ada@acme.example"))
                        .body("items[0].contact.phone", equalTo("+49 30 1234567"));
            }
        }
    }

    @Test
    void viewersAndIntegratorsReadEmailAndPhoneAsNull() {
        String source = Api.slug("vis");
        String id = Fixtures.ingest(leadWithContact(source));
        for (String role : HIDDEN) {
            for (Supplier<RequestSpecification> caller : callers(role)) {
                caller.get().get("/api/v1/leads/" + id).then().statusCode(200)
                        .body("contact", hasKey("email")).body("contact.email", nullValue())
                        .body("contact", hasKey("phone")).body("contact.phone", nullValue())
                        .body("contact.name", equalTo("Ada Weber"))
                        .body("contact.title", equalTo("CTO"));
                caller.get().queryParam("source", source).get("/api/v1/leads").then().statusCode(200)
                        .body("items[0].contact", hasKey("email")).body("items[0].contact.email", nullValue())
                        .body("items[0].contact.phone", nullValue());
            }
        }
    }

    @Test
    void anIntegratorsPushAndActionsAnswerWithoutEmailAndPhone() {
        String integrator = Api.newKey("integrator");
        String source = Api.slug("vis");
        String team = Fixtures.team("mgr-1", null);
        Map<String, Object> body = leadWithContact(source);
        // The stored Idempotency-Key response is the integrator's view too, so a replay reveals nothing either.
        for (int attempt = 0; attempt < 2; attempt++) {
            as(integrator).header("Idempotency-Key", "vis-" + source).body(body).post("/api/v1/leads").then()
                    .statusCode(201).body("contact.email", nullValue()).body("contact.phone", nullValue());
        }
        String id = admin().queryParam("source", source).get("/api/v1/leads").then().extract().path("items[0].id");
        as(integrator).body(Map.of("teamKey", team)).post("/api/v1/leads/" + id + "/hand-off").then().statusCode(200)
                .body("contact.email", nullValue());
        as(integrator).body(Map.of("ownerId", "u-9")).post("/api/v1/leads/" + id + "/assign").then().statusCode(200)
                .body("contact.phone", nullValue());
        // What is stored is untouched.
        admin().get("/api/v1/leads/" + id).then().body("contact.email", equalTo("ada@acme.example"));
    }

    /** An API key and a JWT with the role. */
    private static List<Supplier<RequestSpecification>> callers(String role) {
        String key = role.equals("admin") ? null : Api.newKey(role);
        Supplier<RequestSpecification> byKey = key == null ? Api::admin : () -> as(key);
        return List.of(byKey, () -> Api.bearer("user-" + role, role));
    }
}
