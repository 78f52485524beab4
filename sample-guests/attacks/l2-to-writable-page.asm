; l2-to-writable-page.asm (attack c): make a page we can write into one of our page tables.
;
; Instead of mapping a page table writable, start from a page that IS writable, fill it with the entries we
; want (here: a writable mapping of our real L1), and hook it into our L2 as an L1. Xen refuses on two counts
; (xen-abi.md 4.4, 4.6):
;   - an L2 entry takes an "L1" type reference on the frame it names; a frame still mapped writable has type
;     "writable" with a type count above 0, and a frame has one type at a time;
;   - once no writable mapping is left, taking the frame as an L1 validates all its entries first, and an entry
;     that maps a page table writable (our L1, or the fake table itself) fails that validation.
; Only when its entries are harmless does the page become an L1; from then on it cannot be mapped writable.
;
; expect-output: attack (c): an L2 entry pointing at a page we can write
; expect-output: mmu_update(L2 entry -> fake, fake mapped RW): -22
; expect-output: mmuext_op(PIN_L1_TABLE fake, fake mapped RW): -22
; expect-output: update_va_mapping(fake read-only): 0
; expect-output: mmu_update(L2 entry -> fake, fake maps our L1 RW): -22
; expect-output: mmu_update(fake entry 0 = 0: a plain write to a data frame): 0
; expect-output: mmu_update(L2 entry -> fake, fake maps itself RW): -22
; expect-output: mmu_update(fake entry 1 = 0): 0
; expect-output: mmu_update(L2 entry -> fake, harmless entries): 0
; expect-output: update_va_mapping(fake, RW, now that it is an L1): -22
; expect-output: mmu_update(L2 entry = 0): 0
; expect-output: refused
; expect-exit: 0
; max-instructions: 100000

%include "attack.inc"

FREE_L2_SLOT equ 511                ; va 0x3FE00000: nothing is mapped there

section .text
global _start
_start:
    ATTACK_START
    mov edx, msg_title
    call puts
    mov eax, fake
    call mfn_of_va
    mov [fake_mfn], eax
    mov eax, fake
    call l1_of_va
    mov [l1], eax
    mov eax, fake
    call l2_of_va
    shl eax, 12
    add eax, FREE_L2_SLOT * PTE_SIZE
    mov [l2e], eax                  ; machine address of a free L2 entry

    ; The payload, written while fake is ours to write: entry 0 maps our L1 writable, entry 1 maps fake itself.
    mov eax, [l1]
    shl eax, 12
    or eax, PTE_RW_FLAGS
    mov [fake], eax
    mov eax, [fake_mfn]
    shl eax, 12
    or eax, PTE_RW_FLAGS
    mov [fake + PTE_SIZE], eax

    call hook                       ; 1. hook it in while it is still mapped writable
    REFUSED msg_hook_rw
    mov ebx, MMUEXT_PIN_L1_TABLE    ; 2. or pin it as an L1
    mov ecx, [fake_mfn]
    call mmuext1
    REFUSED msg_pin_rw

    mov ebx, fake                   ; 3. drop the writable mapping (read-only instead)
    mov eax, [fake_mfn]
    mov ecx, PTE_RO_FLAGS
    call map_page
    MUST msg_ro
    call hook                       ;    and try again: validation finds entry 0
    REFUSED msg_hook_l1

    mov ebx, [fake_mfn]             ; 4. clear entry 0 (mmu_update on a frame that is no page table: a plain write)
    shl ebx, 12
    xor ecx, ecx
    xor edx, edx
    call mmu_update1
    MUST msg_clear0
    call hook                       ;    validation finds entry 1: fake maps itself writable
    REFUSED msg_hook_self

    mov ebx, [fake_mfn]             ; 5. clear entry 1: nothing harmful left, the page may become an L1
    shl ebx, 12
    add ebx, PTE_SIZE
    xor ecx, ecx
    xor edx, edx
    call mmu_update1
    MUST msg_clear1
    call hook
    MUST msg_hook_ok
    mov ebx, fake                   ;    and now it cannot be mapped writable any more
    mov eax, [fake_mfn]
    mov ecx, PTE_RW_FLAGS
    call map_page
    REFUSED msg_rw_again
    mov ebx, [l2e]                  ; unhook it
    xor ecx, ecx
    xor edx, edx
    call mmu_update1
    MUST msg_unhook
    jmp all_refused

; hook: mmu_update(free L2 entry = fake | P RW US A). EAX = result.
hook:
    mov ebx, [l2e]
    mov ecx, [fake_mfn]
    shl ecx, 12
    or ecx, PDE_FLAGS
    xor edx, edx
    jmp mmu_update1

    ATTACK_LIBRARY

section .rodata
msg_title:      db "attack (c): an L2 entry pointing at a page we can write", 10, 0
msg_hook_rw:    db "mmu_update(L2 entry -> fake, fake mapped RW): ", 0
msg_pin_rw:     db "mmuext_op(PIN_L1_TABLE fake, fake mapped RW): ", 0
msg_ro:         db "update_va_mapping(fake read-only): ", 0
msg_hook_l1:    db "mmu_update(L2 entry -> fake, fake maps our L1 RW): ", 0
msg_clear0:     db "mmu_update(fake entry 0 = 0: a plain write to a data frame): ", 0
msg_hook_self:  db "mmu_update(L2 entry -> fake, fake maps itself RW): ", 0
msg_clear1:     db "mmu_update(fake entry 1 = 0): ", 0
msg_hook_ok:    db "mmu_update(L2 entry -> fake, harmless entries): ", 0
msg_rw_again:   db "update_va_mapping(fake, RW, now that it is an L1): ", 0
msg_unhook:     db "mmu_update(L2 entry = 0): ", 0

    ATTACK_TAIL
fake_mfn:   resd 1
l1:         resd 1
l2e:        resd 1
alignb 4096
fake:       resb 4096               ; the page we try to pass off as an L1
