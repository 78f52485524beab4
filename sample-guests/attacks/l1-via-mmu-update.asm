; l1-via-mmu-update.asm (attack a): a writable mapping of our own page tables, asked for with mmu_update.
;
; A guest that could write its page tables directly could map any machine frame: Xen's, another domain's. So
; Xen's rule (xen-abi.md 4.3, 4.6): a writable L1 entry takes a "writable" type reference on the frame it maps,
; and a frame that is in use as a page table (type L1/L2/L3, type count > 0) cannot be had as writable.
;
; The guest points the PTE of one of its own pages at the L1 that holds that very PTE, writable: -EINVAL and
; pdone 0. Then the same with MMU_PT_UPDATE_PRESERVE_AD, then at its L2 and at its L3 (the top, in CR3). A
; read-only mapping of the L1 is fine (guests may read their page tables): accepted.
;
; expect-output: attack (a): map our own page tables writable with mmu_update
; expect-output: mmu_update(PTE -> its own L1, RW): -22
; expect-output: requests done: 0
; expect-output: mmu_update(PTE -> its own L1, RW, PRESERVE_AD): -22
; expect-output: mmu_update(PTE -> our L2, RW): -22
; expect-output: mmu_update(PTE -> our L3 (CR3), RW): -22
; expect-output: mmu_update(PTE -> its own L1, read-only): 0
; expect-output: refused
; expect-exit: 0
; max-instructions: 100000

%include "attack.inc"

section .text
global _start
_start:
    ATTACK_START
    mov edx, msg_title
    call puts
    mov eax, target
    call pte_ma
    mov [pte_ptr], eax              ; machine address of target's PTE
    mov eax, target
    call l1_of_va
    mov [l1], eax                   ; the L1 holding it

    mov ebx, [pte_ptr]              ; 1. PTE = L1 | RW
    mov ecx, [l1]
    shl ecx, 12
    or ecx, PTE_RW_FLAGS
    xor edx, edx
    call mmu_update1
    REFUSED msg_l1
    mov eax, [done]
    mov edx, msg_done
    call report

    mov ebx, [pte_ptr]              ; 2. the same, as MMU_PT_UPDATE_PRESERVE_AD
    or ebx, MMU_PT_UPDATE_PRESERVE_AD
    mov ecx, [l1]
    shl ecx, 12
    or ecx, PTE_RW_FLAGS
    xor edx, edx
    call mmu_update1
    REFUSED msg_l1_ad

    mov eax, target                 ; 3. PTE = L2 | RW
    call l2_of_va
    mov ecx, eax
    shl ecx, 12
    or ecx, PTE_RW_FLAGS
    mov ebx, [pte_ptr]
    xor edx, edx
    call mmu_update1
    REFUSED msg_l2

    call top_mfn                    ; 4. PTE = L3 | RW
    mov ecx, eax
    shl ecx, 12
    or ecx, PTE_RW_FLAGS
    mov ebx, [pte_ptr]
    xor edx, edx
    call mmu_update1
    REFUSED msg_l3

    mov ebx, [pte_ptr]              ; 5. PTE = L1, read-only: allowed
    mov ecx, [l1]
    shl ecx, 12
    or ecx, PTE_RO_FLAGS
    xor edx, edx
    call mmu_update1
    MUST msg_ro
    jmp all_refused

    ATTACK_LIBRARY

section .rodata
msg_title:  db "attack (a): map our own page tables writable with mmu_update", 10, 0
msg_l1:     db "mmu_update(PTE -> its own L1, RW): ", 0
msg_done:   db "requests done: ", 0
msg_l1_ad:  db "mmu_update(PTE -> its own L1, RW, PRESERVE_AD): ", 0
msg_l2:     db "mmu_update(PTE -> our L2, RW): ", 0
msg_l3:     db "mmu_update(PTE -> our L3 (CR3), RW): ", 0
msg_ro:     db "mmu_update(PTE -> its own L1, read-only): ", 0

    ATTACK_TAIL
pte_ptr:    resd 1
l1:         resd 1
alignb 4096
target:     resb 4096               ; the page whose mapping we rewrite
