package org.xenoscope.xen;

/**
 * One event-channel port of a domain (Xen: {@code struct evtchn}). Port 0 is reserved and never allocated.
 *
 * <pre>
 *  FREE --alloc_unbound--> UNBOUND(remote_dom) --bind_interdomain (by the peer)--> INTERDOMAIN(remote dom, port)
 *  FREE --bind_virq--> VIRQ(n)          INTERDOMAIN --close (by the peer)--> UNBOUND(peer)
 *  any --close--> FREE
 * </pre>
 */
public final class EventChannel {
    /** Port states (Xen's ECS_*; EVTCHNSTAT_* numbers where the ABI has them). */
    public enum State { FREE, RESERVED, UNBOUND, INTERDOMAIN, PIRQ, VIRQ, IPI }

    State state = State.FREE;
    /** UNBOUND: the domain allowed to connect; INTERDOMAIN: the peer domain. */
    int remoteDom;
    /** INTERDOMAIN: the peer's port. */
    int remotePort;
    /** VIRQ: the virtual IRQ number. */
    int virq;
    /** VCPU notified when the port becomes pending. */
    int notifyVcpu;

    public State state() {
        return state;
    }

    public int remoteDom() {
        return remoteDom;
    }

    public int remotePort() {
        return remotePort;
    }

    public int virq() {
        return virq;
    }

    public int notifyVcpu() {
        return notifyVcpu;
    }

    void reset() {
        state = State.FREE;
        remoteDom = 0;
        remotePort = 0;
        virq = 0;
        notifyVcpu = 0;
    }
}
