package org.xenoscope.xen.abi;

import org.xenoscope.machine.mem.PhysicalMemory;

/**
 * Typed view of {@code start_info} ({@link Structs#START_INFO}) in physical memory: the domain builder fills
 * it, the debugger shows it. E.g. {@code StartInfo.at(mem, addr).setNrPages(n)}.
 */
public final class StartInfo extends StructView {
    private static final StructLayout L = Structs.START_INFO;
    private static final int NR_PAGES = L.offsetOf("nr_pages");
    private static final int SHARED_INFO = L.offsetOf("shared_info");
    private static final int FLAGS = L.offsetOf("flags");
    private static final int STORE_MFN = L.offsetOf("store_mfn");
    private static final int STORE_EVTCHN = L.offsetOf("store_evtchn");
    private static final int CONSOLE_MFN = L.offsetOf("console.domU.mfn");
    private static final int CONSOLE_EVTCHN = L.offsetOf("console.domU.evtchn");
    private static final int PT_BASE = L.offsetOf("pt_base");
    private static final int NR_PT_FRAMES = L.offsetOf("nr_pt_frames");
    private static final int MFN_LIST = L.offsetOf("mfn_list");
    private static final int MOD_START = L.offsetOf("mod_start");
    private static final int MOD_LEN = L.offsetOf("mod_len");
    private static final int FIRST_P2M_PFN = L.offsetOf("first_p2m_pfn");
    private static final int NR_P2M_FRAMES = L.offsetOf("nr_p2m_frames");

    private StartInfo(PhysicalMemory mem, long addr) {
        super(mem, addr, L);
    }

    /** The start_info at physical address {@code addr}. */
    public static StartInfo at(PhysicalMemory mem, long addr) {
        return new StartInfo(mem, addr);
    }

    /** "xen-3.0-x86_32" or "xen-3.0-x86_32p" ({@link StartInfoFlags#MAGIC_PAE}). */
    public String magic() {
        return getString("magic");
    }

    public StartInfo setMagic(String magic) {
        setString("magic", magic);
        return this;
    }

    public int nrPages() {
        return word(NR_PAGES);
    }

    public StartInfo setNrPages(int n) {
        setWord(NR_PAGES, n);
        return this;
    }

    /** MACHINE address of the shared_info page. */
    public int sharedInfo() {
        return word(SHARED_INFO);
    }

    public StartInfo setSharedInfo(int machineAddress) {
        setWord(SHARED_INFO, machineAddress);
        return this;
    }

    /** SIF_* flags. */
    public int flags() {
        return word(FLAGS);
    }

    public StartInfo setFlags(int flags) {
        setWord(FLAGS, flags);
        return this;
    }

    public int storeMfn() {
        return word(STORE_MFN);
    }

    public StartInfo setStoreMfn(int mfn) {
        setWord(STORE_MFN, mfn);
        return this;
    }

    /** 0 means "no xenstore". */
    public int storeEvtchn() {
        return word(STORE_EVTCHN);
    }

    public StartInfo setStoreEvtchn(int port) {
        setWord(STORE_EVTCHN, port);
        return this;
    }

    /** domU: machine frame of the console ring. */
    public int consoleMfn() {
        return word(CONSOLE_MFN);
    }

    public StartInfo setConsoleMfn(int mfn) {
        setWord(CONSOLE_MFN, mfn);
        return this;
    }

    /** domU: event channel of the console ring. */
    public int consoleEvtchn() {
        return word(CONSOLE_EVTCHN);
    }

    public StartInfo setConsoleEvtchn(int port) {
        setWord(CONSOLE_EVTCHN, port);
        return this;
    }

    /** VIRTUAL address of the bootstrap page directory (L3 on PAE). */
    public int ptBase() {
        return word(PT_BASE);
    }

    public StartInfo setPtBase(int va) {
        setWord(PT_BASE, va);
        return this;
    }

    public int nrPtFrames() {
        return word(NR_PT_FRAMES);
    }

    public StartInfo setNrPtFrames(int n) {
        setWord(NR_PT_FRAMES, n);
        return this;
    }

    /** VIRTUAL address of the P2M array (mfn_list[pfn] = mfn). */
    public int mfnList() {
        return word(MFN_LIST);
    }

    public StartInfo setMfnList(int va) {
        setWord(MFN_LIST, va);
        return this;
    }

    public int modStart() {
        return word(MOD_START);
    }

    public StartInfo setModStart(int va) {
        setWord(MOD_START, va);
        return this;
    }

    public int modLen() {
        return word(MOD_LEN);
    }

    public StartInfo setModLen(int len) {
        setWord(MOD_LEN, len);
        return this;
    }

    public String cmdLine() {
        return getString("cmd_line");
    }

    /** Stores the command line, cut to MAX_GUEST_CMDLINE - 1 bytes and NUL-terminated. */
    public StartInfo setCmdLine(String cmdLine) {
        setString("cmd_line", cmdLine);
        return this;
    }

    public int firstP2mPfn() {
        return word(FIRST_P2M_PFN);
    }

    public StartInfo setFirstP2mPfn(int pfn) {
        setWord(FIRST_P2M_PFN, pfn);
        return this;
    }

    public int nrP2mFrames() {
        return word(NR_P2M_FRAMES);
    }

    public StartInfo setNrP2mFrames(int n) {
        setWord(NR_P2M_FRAMES, n);
        return this;
    }
}
