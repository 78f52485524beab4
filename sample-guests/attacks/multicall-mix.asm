; multicall-mix.asm (attack i): the attacks of a..g in one multicall batch.
;
; multicall(call_list, nr_calls) runs a batch of hypercalls, each described by a multicall_entry_t
; { u32 op; u32 result; u32 args[6]; } (32 bytes). Batching must not loosen any rule: each entry goes through
; the same hypercall with the same checks, and its result (written back into the entry) must be an error.
; The multicall itself succeeds (0): it ran every entry.
;
; expect-output: attack (i): a multicall mixing the attacks
; expect-output: multicall(7 entries): 0
; expect-output: entry 0, mmu_update(PTE -> its own L1, RW): -22
; expect-output: entry 1, update_va_mapping(target -> our L1, RW): -22
; expect-output: entry 2, update_va_mapping(HYPERVISOR_VIRT_START): -22
; expect-output: entry 3, mmu_update(Xen's L2 slot 428): -22
; expect-output: entry 4, mmuext_op(PIN_L1_TABLE of a page mapped RW): -22
; expect-output: entry 5, update_descriptor(byte-granular segment into Xen): -22
; expect-output: entry 6, update_va_mapping(target -> a frame not ours): -22
; expect-output: refused
; expect-exit: 0
; max-instructions: 200000

%include "attack.inc"

NR_ENTRIES  equ 7

; ENTRY n, op, a0, a1, a2, a3: fill multicall entry n (its arguments: registers or constants).
%macro ENTRY 6
    mov dword [calls + 32 * %1], %2
    mov dword [calls + 32 * %1 + 4], 0x7FFFFFFF     ; result: Xen overwrites it
    mov dword [calls + 32 * %1 + 8], %3
    mov dword [calls + 32 * %1 + 12], %4
    mov dword [calls + 32 * %1 + 16], %5
    mov dword [calls + 32 * %1 + 20], %6
%endmacro

section .text
global _start
_start:
    ATTACK_START
    mov edx, msg_title
    call puts
    mov eax, target
    call l1_of_va
    mov [l1], eax
    mov eax, page
    call mfn_of_va
    mov [page_mfn], eax

    mov eax, target                 ; req_l1: PTE of target = L1 | RW
    call pte_ma
    mov [req_l1], eax
    mov eax, [l1]
    shl eax, 12
    or eax, PTE_RW_FLAGS
    mov [req_l1 + 8], eax
    mov esi, eax                    ; (the same PTE for update_va_mapping)
    ENTRY 0, __HYPERVISOR_mmu_update, req_l1, 1, 0, DOMID_SELF
    ENTRY 1, __HYPERVISOR_update_va_mapping, target, esi, 0, UVMF_INVLPG

    mov eax, [page_mfn]
    shl eax, 12
    or eax, PTE_RO_FLAGS
    ENTRY 2, __HYPERVISOR_update_va_mapping, HYPERVISOR_VIRT_START, eax, 0, UVMF_INVLPG

    mov eax, 0xC0000000             ; req_xen: Xen's first L2 slot = page
    call l2_of_va
    shl eax, 12
    add eax, FIRST_XEN_L2_SLOT * 8
    mov [req_xen], eax
    mov eax, [page_mfn]
    shl eax, 12
    or eax, PDE_FLAGS
    mov [req_xen + 8], eax
    ENTRY 3, __HYPERVISOR_mmu_update, req_xen, 1, 0, DOMID_SELF

    mov eax, [page_mfn]             ; pin_op: PIN_L1_TABLE page (still mapped writable)
    mov [pin_op + 4], eax
    ENTRY 4, __HYPERVISOR_mmuext_op, pin_op, 1, 0, DOMID_SELF

    mov eax, [page_mfn]             ; entry 1 of page: base 0xF5B80000, 1 MiB, byte-granular
    shl eax, 12
    add eax, 8
    ENTRY 5, __HYPERVISOR_update_descriptor, eax, 0, 0x0000FFFF, 0xF54FB2B8

    mov ebx, [start_info]           ; a frame beyond all of ours: max(mfn_list) + 1
    mov ecx, [ebx + SI_NR_PAGES]
    mov edi, [ebx + SI_MFN_LIST]
    xor eax, eax
.scan:
    cmp [edi], eax
    jb .next
    mov eax, [edi]
.next:
    add edi, 4
    loop .scan
    inc eax
    shl eax, 12
    or eax, PTE_RO_FLAGS
    ENTRY 6, __HYPERVISOR_update_va_mapping, target, eax, 0, UVMF_INVLPG

    mov ebx, calls
    mov ecx, NR_ENTRIES
    hypercall __HYPERVISOR_multicall
    MUST msg_multicall

    xor edi, edi                    ; each entry's result
.result:
    mov eax, edi
    shl eax, 5
    mov eax, [calls + eax + 4]
    mov edx, [labels + edi * 4]
    call report
    test eax, eax
    jns broken
    inc edi
    cmp edi, NR_ENTRIES
    jb .result
    jmp all_refused

    ATTACK_LIBRARY

section .rodata
msg_title:      db "attack (i): a multicall mixing the attacks", 10, 0
msg_multicall:  db "multicall(7 entries): ", 0
msg_e0:         db "entry 0, mmu_update(PTE -> its own L1, RW): ", 0
msg_e1:         db "entry 1, update_va_mapping(target -> our L1, RW): ", 0
msg_e2:         db "entry 2, update_va_mapping(HYPERVISOR_VIRT_START): ", 0
msg_e3:         db "entry 3, mmu_update(Xen's L2 slot 428): ", 0
msg_e4:         db "entry 4, mmuext_op(PIN_L1_TABLE of a page mapped RW): ", 0
msg_e5:         db "entry 5, update_descriptor(byte-granular segment into Xen): ", 0
msg_e6:         db "entry 6, update_va_mapping(target -> a frame not ours): ", 0
labels:         dd msg_e0, msg_e1, msg_e2, msg_e3, msg_e4, msg_e5, msg_e6

    ATTACK_TAIL
l1:         resd 1
page_mfn:   resd 1
req_l1:     resq 2                  ; mmu_update_t
req_xen:    resq 2
pin_op:     resd 3                  ; mmuext_op_t { PIN_L1_TABLE (0), mfn, 0 }
alignb 32
calls:      resb 32 * NR_ENTRIES    ; multicall_entry_t[NR_ENTRIES]
alignb 4096
target:     resb 4096
page:       resb 4096               ; a page of ours, mapped writable
