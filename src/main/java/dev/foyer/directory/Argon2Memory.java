package dev.foyer.directory;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.Block;

/**
 * The memory of one Argon2 computation, kept for the next one. BouncyCastle's generator takes its
 * blocks from a {@link Argon2BytesGenerator.BlockPool} and gives each back zeroed when it is done;
 * without a pool of our own it allocates 19 MiB of new blocks per check, and the collector pays for
 * them. One instance serves one computation at a time (the hasher lends it out), so this free list
 * needs no lock.
 */
final class Argon2Memory implements Argon2BytesGenerator.BlockPool {

    private final Block[] free;
    private int top;

    /**
     * Keeps up to the blocks a computation with {@code memoryKib} and {@code parallelism} takes
     * (its memory and the generator's working blocks); creates each on first use.
     */
    Argon2Memory(int memoryKib, int parallelism) {
        this.free = new Block[Argon2BytesGenerator.getBlockCount(memoryKib, parallelism)];
    }

    @Override
    public Block allocate() {
        if (top == 0) {
            return new Block();
        }
        Block block = free[--top];
        free[top] = null;
        return block;
    }

    @Override
    public void deallocate(Block block) {
        // A stored hash with more memory than the configured parameters (they were lowered) has its
        // extra blocks collected rather than kept.
        if (top < free.length) {
            free[top++] = block;
        }
    }

    /** Blocks kept for the next computation. */
    int kept() {
        return top;
    }
}
