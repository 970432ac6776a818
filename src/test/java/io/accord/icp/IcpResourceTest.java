package io.accord.icp;

import static io.accord.support.Api.admin;
import static io.accord.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.accord.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IcpResourceTest {

    @Test
    void createsAnIcpWithLocationETagAndNoActiveVersion() {
        String key = Api.slug("icp");
        admin().body(Map.of("key", key, "name", "Mid-market SaaS", "description", "EU software"))
                .post("/api/v1/icps").then().statusCode(201)
                .header("Location", containsString("/api/v1/icps/" + key))
                .header("ETag", notNullValue())
                .body("key", equalTo(key))
                .body("name", equalTo("Mid-market SaaS"))
                .body("description", equalTo("EU software"))
                .body("activeVersion", nullValue())
                .body("createdBy", equalTo("bootstrap-admin"));

        admin().get("/api/v1/icps/" + key).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("key", equalTo(key))
                .body("activeVersion", nullValue());
    }

    @Test
    void aDuplicateKeyIs409Duplicate() {
        String key = IcpApiFixtures.newIcp();
        admin().body(Map.of("key", key, "name", "again")).post("/api/v1/icps").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:duplicate"))
                .body("detail", containsString(key));
    }

    @Test
    void keysMustBeLowercaseSlugsAndEvaluateIsReserved() {
        admin().body(Map.of("key", "Mid Market", "name", "x")).post("/api/v1/icps").then().statusCode(422)
                .body("type", equalTo("urn:accord:problem:validation-error"))
                .body("errors[0].field", equalTo("key"));
        admin().body(Map.of("key", "evaluate", "name", "x")).post("/api/v1/icps").then().statusCode(422)
                .body("errors[0].field", equalTo("key"))
                .body("errors[0].message", equalTo("is reserved"));
        admin().body(Map.of("name", "x")).post("/api/v1/icps").then().statusCode(422)
                .body("errors.field", hasItem("key"));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstCreate() {
        String key = Api.slug("icp");
        String idem = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("key", key, "name", "Idempotent");
        String id = admin().header("Idempotency-Key", idem).body(body).post("/api/v1/icps").then().statusCode(201)
                .extract().path("id");
        admin().header("Idempotency-Key", idem).body(body).post("/api/v1/icps").then().statusCode(201)
                .header("Idempotency-Replayed", "true")
                .header("Location", containsString("/api/v1/icps/" + key))
                .body("id", equalTo(id));
        admin().header("Idempotency-Key", idem).body(Map.of("key", key, "name", "Other")).post("/api/v1/icps")
                .then().statusCode(422).body("type", equalTo("urn:accord:problem:idempotency-key-reused"));
    }

    @Test
    void listsIcpsInCreationOrderAcrossPages() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(IcpApiFixtures.newIcp());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = admin().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/icps");
            page.then().statusCode(200);
            List<String> keys = page.path("items.key");
            assertEquals(true, keys.size() <= 2);
            seen.addAll(keys);
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        List<String> mineInOrder = seen.stream().filter(mine::contains).toList();
        assertEquals(mine, mineInOrder);
        assertEquals(seen.size(), seen.stream().distinct().count(), "no ICP twice");
    }

    @Test
    void aLimitAbove200IsA400NotClipped() {
        admin().queryParam("limit", 201).get("/api/v1/icps").then().statusCode(400)
                .body("type", equalTo("urn:accord:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void anUnknownKeyIs404Problem() {
        admin().get("/api/v1/icps/" + Api.slug("nope")).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:not-found"));
    }

    @Test
    void renamingRequiresIfMatch() {
        String key = IcpApiFixtures.newIcp();
        String etag = admin().get("/api/v1/icps/" + key).then().extract().header("ETag");
        Map<String, Object> change = Map.of("name", "Renamed", "description", "new words");

        admin().body(change).put("/api/v1/icps/" + key).then().statusCode(428)
                .body("type", equalTo("urn:accord:problem:precondition-required"));
        admin().header("If-Match", "\"999\"").body(change).put("/api/v1/icps/" + key).then().statusCode(412)
                .body("type", equalTo("urn:accord:problem:precondition-failed"));
        String newEtag = admin().header("If-Match", etag).body(change).put("/api/v1/icps/" + key).then()
                .statusCode(200).body("name", equalTo("Renamed")).body("key", equalTo(key))
                .extract().header("ETag");
        assertNotEquals(etag, newEtag);
        admin().header("If-Match", etag).body(change).put("/api/v1/icps/" + key).then().statusCode(412);
    }

    @Test
    void theKeyCannotBeChanged() {
        String key = IcpApiFixtures.newIcp();
        String etag = admin().get("/api/v1/icps/" + key).then().extract().header("ETag");
        admin().header("If-Match", etag).body(Map.of("key", "other", "name", "x")).put("/api/v1/icps/" + key)
                .then().statusCode(400).body("errors[0].field", equalTo("key"));
    }

    @Test
    void everyRoleReadsButViewersAndIntegratorsCannotCreate() {
        String key = IcpApiFixtures.newIcp();
        for (String role : List.of("viewer", "integrator", "sales", "marketing", "sales_manager")) {
            as(Api.newKey(role)).get("/api/v1/icps/" + key).then().statusCode(200);
        }
        as(Api.newKey("viewer")).body(Map.of("key", Api.slug("icp"), "name", "x")).post("/api/v1/icps").then()
                .statusCode(403).body("type", equalTo("urn:accord:problem:forbidden"));
        as(Api.newKey("integrator")).body(Map.of("key", Api.slug("icp"), "name", "x")).post("/api/v1/icps").then()
                .statusCode(403);
        as(Api.newKey("marketing")).body(Map.of("key", Api.slug("icp"), "name", "x")).post("/api/v1/icps").then()
                .statusCode(201);
        Api.anonymous().get("/api/v1/icps").then().statusCode(401);
    }

    @Test
    void createAndRenameAreAudited() {
        String key = IcpApiFixtures.newIcp();
        String etag = admin().get("/api/v1/icps/" + key).then().extract().header("ETag");
        admin().header("If-Match", etag).body(Map.of("name", "Renamed")).put("/api/v1/icps/" + key).then()
                .statusCode(200);
        admin().queryParam("resourceType", "icp").queryParam("resourceId", key).get("/api/v1/audit-events").then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("icp.created", "icp.updated")))
                .body("items.actor", not(hasItem("anonymous")));
    }
}
