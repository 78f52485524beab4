package org.xenoscope.xen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xenoscope.xen.abi.DomId;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.EvtchnOp;
import org.xenoscope.xen.abi.EvtchnStat;
import org.xenoscope.xen.abi.SharedInfo;
import org.xenoscope.xen.abi.VcpuInfo;

/** event_channel_op and its compat form: port life cycle, the 4-step set-pending order, errors, upcalls. */
class EventChannelOpsTest {
    private static final int EINVAL = Errno.EINVAL.negative();

    private static int op(PvFixture f, int cmd, int... words) {
        for (int i = 0; i < words.length; i++) {
            f.mem().write32(f.scratch() + 4 * i, words[i]);
        }
        return f.call("event_channel_op", cmd, f.scratch());
    }

    private static int out(PvFixture f, int offset) {
        return f.mem().read32(f.scratch() + offset);
    }

    /** alloc_unbound {dom = SELF, remote_dom = SELF}: returns the port. */
    private static int allocLoopback(PvFixture f) {
        assertThat(op(f, EvtchnOp.EVTCHNOP_ALLOC_UNBOUND, DomId.DOMID_SELF | DomId.DOMID_SELF << 16, 0)).isZero();
        return out(f, 4);
    }

    /** A loopback pair: returns {unbound-side port, bound-side port}; clears the pending bit the bind set. */
    private static int[] loopback(PvFixture f) {
        int a = allocLoopback(f);
        assertThat(op(f, EvtchnOp.EVTCHNOP_BIND_INTERDOMAIN, DomId.DOMID_SELF, a, 0)).isZero();
        int b = out(f, 8);
        f.d.sharedInfo().clearPending(b);
        f.d.vcpuInfo(0).setPendingSel(0);
        f.d.vcpuInfo(0).setUpcallPending(false);
        return new int[] {a, b};
    }

    @Test
    void allocUnboundTakesTheLowestFreePort() {
        PvFixture f = PvFixture.boot();
        int console = f.built.consolePort();
        int p = allocLoopback(f);
        assertThat(p).isEqualTo(console + 1);
        assertThat(f.d.port(p).state()).isEqualTo(EventChannel.State.UNBOUND);
        assertThat(f.d.port(p).remoteDom()).isEqualTo(f.d.id());
    }

    @Test
    void allocUnboundForAnotherDomainIsEperm() {
        PvFixture f = PvFixture.boot();
        assertThat(op(f, EvtchnOp.EVTCHNOP_ALLOC_UNBOUND, 0 | DomId.DOMID_SELF << 16, 0))
            .isEqualTo(Errno.EPERM.negative());
        assertThat(op(f, EvtchnOp.EVTCHNOP_ALLOC_UNBOUND, 5 | DomId.DOMID_SELF << 16, 0))
            .isEqualTo(Errno.EPERM.negative());
    }

    @Test
    void bindInterdomainConnectsBothEndsAndSetsTheNewPortPending() {
        PvFixture f = PvFixture.boot();
        int a = allocLoopback(f);
        assertThat(op(f, EvtchnOp.EVTCHNOP_BIND_INTERDOMAIN, DomId.DOMID_SELF, a, 0)).isZero();
        int b = out(f, 8);
        assertThat(f.d.port(a).state()).isEqualTo(EventChannel.State.INTERDOMAIN);
        assertThat(f.d.port(a).remotePort()).isEqualTo(b);
        assertThat(f.d.port(b).remotePort()).isEqualTo(a);
        assertThat(f.d.sharedInfo().isPending(b)).isTrue();
        assertThat(f.d.sharedInfo().isPending(a)).isFalse();
    }

    @Test
    void bindInterdomainToAPortNotWaitingForUsIsEinval() {
        PvFixture f = PvFixture.boot();
        int[] pair = loopback(f);
        assertThat(op(f, EvtchnOp.EVTCHNOP_BIND_INTERDOMAIN, DomId.DOMID_SELF, pair[0], 0)).isEqualTo(EINVAL);
        assertThat(op(f, EvtchnOp.EVTCHNOP_BIND_INTERDOMAIN, DomId.DOMID_SELF, 2000, 0)).isEqualTo(EINVAL);
        assertThat(op(f, EvtchnOp.EVTCHNOP_BIND_INTERDOMAIN, 77, 1, 0)).isEqualTo(Errno.ESRCH.negative());
    }

    @Test
    void sendSetsPendingSelectorAndUpcallInOrder() {
        PvFixture f = PvFixture.boot();
        int[] pair = loopback(f);
        assertThat(op(f, EvtchnOp.EVTCHNOP_SEND, pair[0])).isZero();
        SharedInfo s = f.d.sharedInfo();
        VcpuInfo v = f.d.vcpuInfo(0);
        assertThat(s.isPending(pair[1])).isTrue();
        assertThat(v.pendingSel()).isEqualTo(1 << (pair[1] >>> 5));
        assertThat(v.upcallPending()).isTrue();
        // Step 1 stops a second send: nothing further changes.
        v.setUpcallPending(false);
        assertThat(op(f, EvtchnOp.EVTCHNOP_SEND, pair[0])).isZero();
        assertThat(v.upcallPending()).isFalse();
    }

    @Test
    void aSelectorBitAlreadySetStopsAtStep3() {
        PvFixture f = PvFixture.boot();
        int[] pair = loopback(f);
        VcpuInfo v = f.d.vcpuInfo(0);
        v.setPendingSel(1 << (pair[1] >>> 5));
        assertThat(op(f, EvtchnOp.EVTCHNOP_SEND, pair[0])).isZero();
        assertThat(f.d.sharedInfo().isPending(pair[1])).isTrue();
        assertThat(v.upcallPending()).isFalse();
    }

    @Test
    void aMaskedPortOnlyGetsItsPendingBitAndUnmaskRedelivers() {
        PvFixture f = PvFixture.boot();
        int[] pair = loopback(f);
        f.d.sharedInfo().setMasked(pair[1], true);
        assertThat(op(f, EvtchnOp.EVTCHNOP_SEND, pair[0])).isZero();
        VcpuInfo v = f.d.vcpuInfo(0);
        assertThat(f.d.sharedInfo().isPending(pair[1])).isTrue();
        assertThat(v.pendingSel()).isZero();
        assertThat(v.upcallPending()).isFalse();
        assertThat(op(f, EvtchnOp.EVTCHNOP_UNMASK, pair[1])).isZero();
        assertThat(f.d.sharedInfo().isMasked(pair[1])).isFalse();
        assertThat(v.pendingSel()).isEqualTo(1 << (pair[1] >>> 5));
        assertThat(v.upcallPending()).isTrue();
    }

    @Test
    void unmaskOfAPortThatIsNotPendingRaisesNothing() {
        PvFixture f = PvFixture.boot();
        int[] pair = loopback(f);
        f.d.sharedInfo().setMasked(pair[1], true);
        assertThat(op(f, EvtchnOp.EVTCHNOP_UNMASK, pair[1])).isZero();
        assertThat(f.d.vcpuInfo(0).upcallPending()).isFalse();
        assertThat(op(f, EvtchnOp.EVTCHNOP_UNMASK, Domain.NR_EVENT_CHANNELS)).isEqualTo(EINVAL);
    }

    @Test
    void sendOnAnUnboundPortIsDroppedAndOnAFreePortEinval() {
        PvFixture f = PvFixture.boot();
        int a = allocLoopback(f);
        assertThat(op(f, EvtchnOp.EVTCHNOP_SEND, a)).isZero();
        assertThat(f.d.sharedInfo().isPending(a)).isFalse();
        assertThat(op(f, EvtchnOp.EVTCHNOP_SEND, a + 1)).isEqualTo(EINVAL);
        assertThat(op(f, EvtchnOp.EVTCHNOP_SEND, 0)).isEqualTo(EINVAL);
    }

    @Test
    void closeFreesThePortAndPutsThePeerBackToUnbound() {
        PvFixture f = PvFixture.boot();
        int[] pair = loopback(f);
        assertThat(op(f, EvtchnOp.EVTCHNOP_CLOSE, pair[1])).isZero();
        assertThat(f.d.port(pair[1]).state()).isEqualTo(EventChannel.State.FREE);
        assertThat(f.d.port(pair[0]).state()).isEqualTo(EventChannel.State.UNBOUND);
        assertThat(f.d.port(pair[0]).remoteDom()).isEqualTo(f.d.id());
        assertThat(op(f, EvtchnOp.EVTCHNOP_CLOSE, pair[1])).isEqualTo(EINVAL);
        assertThat(op(f, EvtchnOp.EVTCHNOP_CLOSE, 0)).isEqualTo(EINVAL);
        // The freed port is reused by the next allocation.
        assertThat(allocLoopback(f)).isEqualTo(pair[1]);
    }

    @Test
    void statusReportsStateVcpuAndPeer() {
        PvFixture f = PvFixture.boot();
        int[] pair = loopback(f);
        assertThat(op(f, EvtchnOp.EVTCHNOP_STATUS, DomId.DOMID_SELF, pair[0], -1, -1, -1, -1)).isZero();
        assertThat(out(f, 8)).isEqualTo(EvtchnStat.EVTCHNSTAT_INTERDOMAIN);
        assertThat(out(f, 12)).isZero();
        assertThat(out(f, 16) & 0xFFFF).isEqualTo(f.d.id());
        assertThat(out(f, 20)).isEqualTo(pair[1]);
        int console = f.built.consolePort();
        assertThat(op(f, EvtchnOp.EVTCHNOP_STATUS, DomId.DOMID_SELF, console, -1, -1, -1, -1)).isZero();
        assertThat(out(f, 8)).isEqualTo(EvtchnStat.EVTCHNSTAT_INTERDOMAIN);
        assertThat(out(f, 16) & 0xFFFF).isEqualTo(Hypervisor.DOM0);
        assertThat(op(f, EvtchnOp.EVTCHNOP_STATUS, DomId.DOMID_SELF, 900, -1, -1, -1, -1)).isZero();
        assertThat(out(f, 8)).isEqualTo(EvtchnStat.EVTCHNSTAT_CLOSED);
        assertThat(op(f, EvtchnOp.EVTCHNOP_STATUS, DomId.DOMID_SELF, 1024)).isEqualTo(EINVAL);
        assertThat(op(f, EvtchnOp.EVTCHNOP_STATUS, 0, 1)).isEqualTo(Errno.EPERM.negative());
    }

    @Test
    void bindVirqErrors() {
        PvFixture f = PvFixture.boot();
        assertThat(op(f, EvtchnOp.EVTCHNOP_BIND_VIRQ, 0, 0, 0)).isZero();
        int p = out(f, 8);
        assertThat(f.d.port(p).state()).isEqualTo(EventChannel.State.VIRQ);
        assertThat(op(f, EvtchnOp.EVTCHNOP_BIND_VIRQ, 0, 0, 0)).isEqualTo(Errno.EEXIST.negative());
        assertThat(op(f, EvtchnOp.EVTCHNOP_BIND_VIRQ, 24, 0, 0)).isEqualTo(EINVAL);
        assertThat(op(f, EvtchnOp.EVTCHNOP_BIND_VIRQ, -1, 0, 0)).isEqualTo(EINVAL);
        assertThat(op(f, EvtchnOp.EVTCHNOP_BIND_VIRQ, 1, 1, 0)).isEqualTo(Errno.ENOENT.negative());
        assertThat(op(f, EvtchnOp.EVTCHNOP_SEND, p)).isEqualTo(EINVAL);
        assertThat(op(f, EvtchnOp.EVTCHNOP_STATUS, DomId.DOMID_SELF, p, -1, -1, -1, -1)).isZero();
        assertThat(out(f, 8)).isEqualTo(EvtchnStat.EVTCHNSTAT_VIRQ);
    }

    @Test
    void portsOutOfRangeAreEinval() {
        PvFixture f = PvFixture.boot();
        for (int port : new int[] {-1, Domain.NR_EVENT_CHANNELS, 0x7FFFFFFF}) {
            assertThat(op(f, EvtchnOp.EVTCHNOP_SEND, port)).isEqualTo(EINVAL);
            assertThat(op(f, EvtchnOp.EVTCHNOP_CLOSE, port)).isEqualTo(EINVAL);
            assertThat(op(f, EvtchnOp.EVTCHNOP_UNMASK, port)).isEqualTo(EINVAL);
        }
    }

    @Test
    void allocationFailsWithEnospcWhenAll1023PortsAreUsed() {
        PvFixture f = PvFixture.boot();
        int used = 1; // the console port
        while (used < Domain.NR_EVENT_CHANNELS - 1) {
            allocLoopback(f);
            used++;
        }
        assertThat(op(f, EvtchnOp.EVTCHNOP_ALLOC_UNBOUND, DomId.DOMID_SELF | DomId.DOMID_SELF << 16, 0))
            .isEqualTo(Errno.ENOSPC.negative());
        assertThat(op(f, EvtchnOp.EVTCHNOP_BIND_VIRQ, 0, 0, 0)).isEqualTo(Errno.ENOSPC.negative());
    }

    @Test
    void unknownCommandIsEnosysAndBadPointerEfault() {
        PvFixture f = PvFixture.boot();
        assertThat(op(f, 99)).isEqualTo(Errno.ENOSYS.negative());
        assertThat(f.call("event_channel_op", EvtchnOp.EVTCHNOP_SEND, 0x00500000))
            .isEqualTo(Errno.EFAULT.negative());
        assertThat(f.call("event_channel_op_compat", 0x00500000)).isEqualTo(Errno.EFAULT.negative());
    }

    @Test
    void compatFormTakesTheCommandFromTheStruct() {
        PvFixture f = PvFixture.boot();
        f.mem().write32(f.scratch(), EvtchnOp.EVTCHNOP_ALLOC_UNBOUND);
        f.mem().write32(f.scratch() + 4, DomId.DOMID_SELF | DomId.DOMID_SELF << 16);
        assertThat(f.call("event_channel_op_compat", f.scratch())).isZero();
        int p = f.mem().read32(f.scratch() + 8);
        assertThat(f.d.port(p).state()).isEqualTo(EventChannel.State.UNBOUND);
        f.mem().write32(f.scratch(), 99);
        assertThat(f.call("event_channel_op_compat", f.scratch())).isEqualTo(Errno.ENOSYS.negative());
    }

    @Test
    void anUpcallReachesTheEventCallbackOnceUnmasked() {
        String body = GuestAsm.MAP_SHARED_INFO + """
                mov ebx, 0xe019
                mov ecx, h1
                mov edx, 0xe019
                mov esi, h1
                call hypercall_page + 4*32
                mov dword [scratch + 0x200], 0x7ff07ff0
                mov ebx, 6
                mov ecx, scratch + 0x200
                call hypercall_page + 32*32
                mov word [scratch + 0x200], 0x7ff0
                mov eax, [scratch + 0x204]
                mov [scratch + 0x204], eax
                mov ebx, 0
                mov ecx, scratch + 0x200
                call hypercall_page + 32*32
                mov dword [scratch + 0x108], 1
                mov byte [scratch + 0x3000 + 1], 0
                xor ebx, ebx
                call hypercall_page + 17*32
                mov dword [scratch + 0x108], 2
                jmp $
            """ + GuestAsm.COMMON + GuestAsm.handler(1);
        PvFixture f = PvFixture.boot(true, body);
        assertThat(f.run(10_000).outcome()).isEqualTo(Hypervisor.Outcome.SHUTDOWN);
        assertThat(f.mem().read32(f.scratch() + GuestAsm.WHO)).isEqualTo(1);
        // Delivered on the return of the first hypercall after unmasking, not while masked (bind set it pending).
        assertThat(f.mem().read32(f.scratch() + GuestAsm.MARK)).isEqualTo(1);
        assertThat(f.mem().read32(f.scratch() + GuestAsm.MASK)).isEqualTo(1); // the callback masks upcalls
        int sp = f.mem().read32(f.scratch() + GuestAsm.ESP);
        assertThat(f.mem().read32(sp + 4)).isEqualTo(0xe019); // saved mask 0
        assertThat(f.hv.trace().events()).anyMatch(e -> e instanceof org.xenoscope.xen.trace.TraceEvent.Upcall);
    }
}
