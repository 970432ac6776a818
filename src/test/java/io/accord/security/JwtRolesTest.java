package io.accord.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtRolesTest {

    @Test
    void theDefaultGroupsClaimPassesAccordRolesThroughAndDropsOthers() {
        JwtRoles roles = new JwtRoles(List.of("groups"), Map.of());
        assertEquals(Set.of("admin", "viewer"), roles.rolesOf(Map.of("groups", List.of("admin", "viewer", "wheel"))));
    }

    @Test
    void keycloakRealmRolesAreFoundByADottedPath() {
        JwtRoles roles = new JwtRoles(List.of("realm_access.roles"), Map.of("accord-sales", "sales"));
        assertEquals(Set.of("sales"), roles.rolesOf(Map.of("realm_access",
                Map.of("roles", List.of("accord-sales", "offline_access")))));
    }

    @Test
    void keycloakClientRolesNestTwoLevels() {
        JwtRoles roles = new JwtRoles(List.of("resource_access.accord.roles"), Map.of());
        assertEquals(Set.of("integrator"), roles.rolesOf(Map.of("resource_access",
                Map.of("accord", Map.of("roles", List.of("integrator")), "other", Map.of("roles", List.of("admin"))))));
    }

    @Test
    void entraAppRolesAreATopLevelArray() {
        JwtRoles roles = new JwtRoles(List.of("roles"), Map.of("Accord.Admin", "admin", "Accord.Reader", "viewer"));
        assertEquals(Set.of("admin", "viewer"), roles.rolesOf(Map.of("roles", List.of("Accord.Admin", "Accord.Reader"))));
    }

    @Test
    void anAuth0NamespacedClaimIsMatchedByItsWholeNameBeforeDotsSplitIt() {
        JwtRoles roles = new JwtRoles(List.of("https://accord.example/roles"), Map.of());
        assertEquals(Set.of("marketing"), roles.rolesOf(Map.of("https://accord.example/roles", List.of("marketing"))));
    }

    @Test
    void aPathMayPassThroughANamespacedClaimWithDots() {
        JwtRoles roles = new JwtRoles(List.of("https://accord.example/app.roles"), Map.of());
        assertEquals(Set.of("sales"), roles.rolesOf(Map.of("https://accord.example/app", Map.of("roles", List.of("sales")))));
    }

    @Test
    void aSpaceSeparatedStringIsSplit() {
        JwtRoles roles = new JwtRoles(List.of("scope"), Map.of("accord:read", "viewer"));
        assertEquals(Set.of("viewer", "admin"), roles.rolesOf(Map.of("scope", "openid accord:read admin")));
    }

    @Test
    void severalClaimsAreCombinedAndOneProviderRoleMayGrantSeveral() {
        JwtRoles roles = new JwtRoles(List.of("realm_access.roles", "groups"), Map.of("mkt", "marketing, viewer"));
        assertEquals(Set.of("marketing", "viewer", "sales"), roles.rolesOf(Map.of(
                "realm_access", Map.of("roles", List.of("mkt")), "groups", List.of("sales"))));
    }

    @Test
    void missingClaimsAndWrongShapesGiveNoRoles() {
        JwtRoles roles = new JwtRoles(List.of("realm_access.roles"), Map.of());
        assertEquals(Set.of(), roles.rolesOf(Map.of()));
        assertEquals(Set.of(), roles.rolesOf(Map.of("realm_access", "admin")));
        assertEquals(Set.of(), roles.rolesOf(Map.of("realm_access", Map.of("roles", Map.of("admin", true)))));
        assertEquals(Set.of(), roles.rolesOf(Map.of("realm_access", Map.of("roles", List.of(1, true)))));
    }

    @Test
    void aMappingToAnUnknownAccordRoleIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new JwtRoles(List.of("groups"), Map.of("x", "superuser")));
        assertThrows(IllegalArgumentException.class, () -> new JwtRoles(List.of(" "), Map.of()));
    }
}
