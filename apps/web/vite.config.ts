import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /\.(js|css|svg|json)$/;
/** Below this size a gzip copy saves nothing worth a second file. */
const MIN_BYTES = 1024;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(full) : Promise.resolve([full]);
    }),
  );
  return nested.flat();
}

/**
 * The server serves dist with @fastify/static `preCompressed: true`, which does not compress on
 * the fly: it sends `x.js.gz` when the browser accepts gzip. So we write those copies here.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'qizhi-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      // Also called when the bundle failed: then there is nothing to compress, and the real error
      // must not be hidden behind a missing folder.
      if (!existsSync(outDir)) return;
      const files = (await listFiles(outDir)).filter((file) => COMPRESSIBLE.test(file));
      for (const file of files) {
        const content = await readFile(file);
        if (content.length < MIN_BYTES) continue;
        const compressed = await gzipAsync(content, { level: constants.Z_BEST_COMPRESSION });
        if (compressed.length < content.length) await writeFile(`${file}.gz`, compressed);
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      treeshake: {
        // @qizhi/domain builds zod schemas at module level; without this every page that needs one
        // label map would carry zod and every schema. Its modules do nothing on import but define.
        moduleSideEffects: [{ test: /[\\/]packages[\\/]domain[\\/]/, sideEffects: false }],
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
