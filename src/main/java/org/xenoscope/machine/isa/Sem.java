package org.xenoscope.machine.isa;

/**
 * What an instruction does: the executor dispatches on this. Several table rows (encodings) share one
 * semantic; the decoded operand pattern tells them apart.
 */
public enum Sem {
    // data movement
    MOV, MOVZX, MOVSX, LEA, XCHG, XADD, CMPXCHG, CMPXCHG8B, BSWAP, PUSH, POP, PUSHA, POPA, PUSHF, POPF, LAHF, SAHF,
    CMOV, SETCC, CBW, CWD, LFAR, MOV_FROM_SREG, MOV_TO_SREG, MOV_FROM_CR, MOV_TO_CR, MOV_FROM_DR, MOV_TO_DR,
    PUSH_SREG, POP_SREG, XLAT,
    // arithmetic and logic
    ADD, OR, ADC, SBB, AND, SUB, XOR, CMP, TEST, INC, DEC, NEG, NOT, MUL, IMUL1, IMUL2, DIV, IDIV,
    DAA, DAS, AAA, AAS, AAM, AAD,
    ROL, ROR, RCL, RCR, SHL, SHR, SAR, SHLD, SHRD, BT, BTS, BTR, BTC, BSF, BSR,
    // control transfer
    JMP, JMP_IND, JMP_FAR, JMP_FAR_IND, CALL, CALL_IND, CALL_FAR, CALL_FAR_IND, JCC, RET, RETF, LOOP, LOOPE, LOOPNE,
    JECXZ, ENTER, LEAVE, INT, INT3, INTO, BOUND, IRET, HLT, NOP, UD2,
    // strings
    MOVS, STOS, LODS, CMPS, SCAS, INS, OUTS,
    // flags
    CLC, STC, CMC, CLD, STD, CLI, STI,
    // system
    ARPL, LAR, LSL, VERR, VERW,
    LGDT, SGDT, LIDT, SIDT, LLDT, SLDT, LTR, STR, CLTS, LMSW, SMSW, INVLPG, IN, OUT, CPUID, RDTSC, RDMSR, WRMSR,
    WBINVD, INVD, SYSENTER, SYSCALL, FPU, FWAIT
}
