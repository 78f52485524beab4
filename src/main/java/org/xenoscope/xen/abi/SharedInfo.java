package org.xenoscope.xen.abi;

import org.xenoscope.machine.mem.PhysicalMemory;

/**
 * Typed view of {@code shared_info} ({@link Structs#SHARED_INFO}) in physical memory: event-channel bitmaps,
 * the wall clock, the arch part, and one {@link VcpuInfo} per VCPU slot.
 *
 * <p>Port p's pending and mask bits are bit {@code p % 32} of word {@code p / 32} of evtchn_pending /
 * evtchn_mask; word i has selector bit i in vcpu_info.evtchn_pending_sel.
 */
public final class SharedInfo extends StructView {
    private static final StructLayout L = Structs.SHARED_INFO;
    private static final int VCPU_INFO = L.offsetOf("vcpu_info");
    private static final int EVTCHN_PENDING = L.offsetOf("evtchn_pending");
    private static final int EVTCHN_MASK = L.offsetOf("evtchn_mask");
    private static final int WC_VERSION = L.offsetOf("wc_version");
    private static final int WC_SEC = L.offsetOf("wc_sec");
    private static final int WC_NSEC = L.offsetOf("wc_nsec");
    private static final int MAX_PFN = L.offsetOf("arch.max_pfn");
    private static final int FRAME_LIST_LIST = L.offsetOf("arch.pfn_to_mfn_frame_list_list");
    private static final int WC_SEC_HI = L.offsetOf("arch.wc_sec_hi");

    private SharedInfo(PhysicalMemory mem, long addr) {
        super(mem, addr, L);
    }

    /** The shared_info page at physical address {@code addr}. */
    public static SharedInfo at(PhysicalMemory mem, long addr) {
        return new SharedInfo(mem, addr);
    }

    /** The vcpu_info slot of VCPU {@code i} (0 .. XEN_LEGACY_MAX_VCPUS-1). */
    public VcpuInfo vcpu(int i) {
        if (i < 0 || i >= Layout.XEN_LEGACY_MAX_VCPUS) {
            throw new IllegalArgumentException("no vcpu_info slot for VCPU " + i);
        }
        return new VcpuInfo(memory(), address() + VCPU_INFO + (long) i * Structs.VCPU_INFO.size());
    }

    /** Word {@code i} (0..31) of evtchn_pending. */
    public int evtchnPendingWord(int i) {
        return word(EVTCHN_PENDING + 4 * checkWord(i));
    }

    public void setEvtchnPendingWord(int i, int v) {
        setWord(EVTCHN_PENDING + 4 * checkWord(i), v);
    }

    /** Word {@code i} (0..31) of evtchn_mask. */
    public int evtchnMaskWord(int i) {
        return word(EVTCHN_MASK + 4 * checkWord(i));
    }

    public void setEvtchnMaskWord(int i, int v) {
        setWord(EVTCHN_MASK + 4 * checkWord(i), v);
    }

    public boolean isPending(int port) {
        return (evtchnPendingWord(port >>> 5) & (1 << (port & 31))) != 0;
    }

    /** Contract: sets port's pending bit and returns whether it was already set (step 1 of set-pending). */
    public boolean testAndSetPending(int port) {
        int w = evtchnPendingWord(port >>> 5);
        int bit = 1 << (port & 31);
        setEvtchnPendingWord(port >>> 5, w | bit);
        return (w & bit) != 0;
    }

    public void clearPending(int port) {
        setEvtchnPendingWord(port >>> 5, evtchnPendingWord(port >>> 5) & ~(1 << (port & 31)));
    }

    public boolean isMasked(int port) {
        return (evtchnMaskWord(port >>> 5) & (1 << (port & 31))) != 0;
    }

    public void setMasked(int port, boolean masked) {
        int w = evtchnMaskWord(port >>> 5);
        int bit = 1 << (port & 31);
        setEvtchnMaskWord(port >>> 5, masked ? w | bit : w & ~bit);
    }

    /** Wall-clock seqlock version: odd while the hypervisor updates wc_sec/wc_nsec. */
    public int wcVersion() {
        return word(WC_VERSION);
    }

    public void setWcVersion(int v) {
        setWord(WC_VERSION, v);
    }

    /** Seconds of the wall clock at system time 0 (low 32 bits; high bits in arch.wc_sec_hi). */
    public int wcSec() {
        return word(WC_SEC);
    }

    public void setWcSec(int v) {
        setWord(WC_SEC, v);
    }

    public int wcNsec() {
        return word(WC_NSEC);
    }

    public void setWcNsec(int v) {
        setWord(WC_NSEC, v);
    }

    public int wcSecHi() {
        return word(WC_SEC_HI);
    }

    public void setWcSecHi(int v) {
        setWord(WC_SEC_HI, v);
    }

    public int maxPfn() {
        return word(MAX_PFN);
    }

    public void setMaxPfn(int v) {
        setWord(MAX_PFN, v);
    }

    public int pfnToMfnFrameListList() {
        return word(FRAME_LIST_LIST);
    }

    public void setPfnToMfnFrameListList(int mfn) {
        setWord(FRAME_LIST_LIST, mfn);
    }

    private static int checkWord(int i) {
        if (i < 0 || i >= 32) {
            throw new IllegalArgumentException("event-channel word " + i + " outside 0..31");
        }
        return i;
    }
}
