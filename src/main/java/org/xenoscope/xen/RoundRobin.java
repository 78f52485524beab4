package org.xenoscope.xen;

import java.util.List;

/**
 * The scheduler's choice of who runs next: plain round robin over the guest domains in domain-id order.
 * SIMPLIFICATION: no weights, no virtual time (Xen 1.0 used BVT, which a later step brings).
 */
final class RoundRobin {
    /**
     * Contract: the first runnable guest domain (running: neither blocked nor ended) after {@code current} in
     * domain-id order, wrapping around; {@code current} itself when it is the only runnable one; null when none is.
     */
    Domain next(List<Domain> domains, Domain current) {
        Domain first = null;
        Domain after = null;
        for (Domain d : domains) {
            if (!d.runnable()) {
                continue;
            }
            if (first == null || d.id() < first.id()) {
                first = d;
            }
            if (d.id() > current.id() && (after == null || d.id() < after.id())) {
                after = d;
            }
        }
        return after != null ? after : first;
    }
}
