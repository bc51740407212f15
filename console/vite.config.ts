import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Served by `mediaflow serve` under /console/ (docs/console.md); every asset is bundled, nothing from a CDN.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: { chunkSizeWarningLimit: 1024 },
})
