package io.accord.lead;

import io.accord.common.Page;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Applies {@code accord.privacy.contact-roles} to the leads a caller reads. */
@ApplicationScoped
class ContactPrivacy {

    private final Set<String> contactRoles;

    ContactPrivacy(PrivacySettings config) {
        this.contactRoles = Set.copyOf(config.contactRoles());
    }

    boolean seesContact(SecurityIdentity caller) {
        return caller != null && !caller.isAnonymous() && ContactRedaction.seesContact(caller.getRoles(), contactRoles);
    }

    /** The lead as {@code caller} may read it. */
    LeadView forCaller(LeadView lead, SecurityIdentity caller) {
        return seesContact(caller) ? lead : lead.withContact(ContactRedaction.redact(lead.contact()));
    }

    Page<LeadView> forCaller(Page<LeadView> page, SecurityIdentity caller) {
        return seesContact(caller) ? page
                : new Page<>(page.items().stream().map(l -> l.withContact(ContactRedaction.redact(l.contact()))).toList(),
                        page.nextCursor());
    }
}
