/** A worker that fails while it loads, as one would that runs out of memory on a huge knowledge base. */
throw new Error("out of memory (simulated)");
