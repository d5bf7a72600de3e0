import { definePlugin, type ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';
import { h } from '@astrojs/starlight/expressive-code/hast';
import { readBlock } from '../../../scripts/lib/core/read-block.ts';
import { describeBlock } from '../../../scripts/lib/record/describe-verification.ts';
import { matchBlock } from '../verification/match-block.ts';
import { loadPageVerification } from '../verification/page-verification.ts';

/**
 * Under each shell example, a line saying on which Docker Engine versions and image stores
 * the verification record proves it, and since when; or that it is not (yet) verified. It is
 * plain HTML (no script), outside the code, so the copy button (which copies its own
 * `data-code`) never takes it, and `data-pagefind-ignore` keeps it out of search results.
 */
export function pluginVerificationMarks(): ExpressiveCodePlugin {
  return definePlugin({
    name: 'docker-fundamentals:verification-marks',
    hooks: {
      postprocessRenderedBlockGroup: async ({ renderedGroupContents, renderData }) => {
        for (const { codeBlock, renderedBlockAst } of renderedGroupContents) {
          const source = codeBlock.parentDocument?.sourceFilePath;
          if (!source || readBlock(codeBlock.language, codeBlock.code).kind === 'other') continue;
          const verification = await loadPageVerification(source);
          const block = verification && matchBlock(verification.blocks, codeBlock);
          if (!block) continue;
          const mark = describeBlock(block);
          const element = h(
            'p',
            {
              className: ['verification-mark'],
              dataVerified: mark.isVerified ? 'true' : 'false',
              dataPagefindIgnore: true,
            },
            [
              h('span', { className: ['verification-mark-icon'], ariaHidden: 'true' }, [
                mark.isVerified ? '✓' : '!',
              ]),
              ` ${mark.text}`,
            ],
          );
          const children = renderData.groupAst.children;
          children.splice(children.indexOf(renderedBlockAst) + 1, 0, element);
        }
      },
    },
  });
}
