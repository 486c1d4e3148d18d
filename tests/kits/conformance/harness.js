/*
 * The browser's half of tests/kits/test_composer_conformance.py, run with Node: the composer's own script files
 * (theme/assets/javascripts/composer-plan.js, composer-render.js and vendor/nunjucks.min.js), unchanged.
 *
 * node harness.js DATA.json REQUEST.json → JSON on stdout:
 *   request.plans:   [{kit, kit_url?, files: [{document, layout}]}] → [{plan, contexts: [context…], problems}]
 *   request.renders: [{template, context, markdown}]                  → [html…] (the real base.html.j2)
 */
"use strict";
const fs = require("fs");
const path = require("path");

const assets = path.resolve(__dirname, "../../../theme/assets/javascripts");
const Plan = require(path.join(assets, "composer-plan.js"));
const Render = require(path.join(assets, "composer-render.js"));
const nunjucks = require(path.join(assets, "vendor/nunjucks.min.js"));

const data = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const request = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const catalog = new Plan.Catalog(data);

const plans = (request.plans || []).map((job) => {
  const plan = Plan.planKit(catalog, job.kit, job.kit_url);
  const contexts = (job.files || []).map((file) => Plan.documentContext(catalog, plan, file));
  return { plan, contexts, problems: Plan.kitProblems(catalog, job.kit) };
});
const renders = (request.renders || []).map((job) => {
  const renderer = new Render.Renderer(nunjucks, catalog, { markdown: job.markdown });
  try {
    return renderer.render(job.template, job.context);
  } catch (error) {  // the message only: the stack runs through the minified bundle
    process.stderr.write(`${job.template}: ${String(error.message).slice(0, 2000)}\n`);
    process.exit(1);
  }
});
process.stdout.write(JSON.stringify({ plans, renders }));
