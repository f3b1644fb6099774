"""Small policies written in the CIT tests: a few sentences and a numbered reference list.

``build(body, refs)`` makes a knowledge base from Markdown prose and a list of
entries (numbered from 1 in order; a key of ``REF`` or the entry's text);
``findings(body, refs, code)`` runs the rules whose code starts with ``code``
and returns their findings. The body's first line is line 5 of the policy
(``BODY_LINE``).
"""
from kb.checks import run_checks
from kb.knowledge.base import build_knowledge_base
from kb.read.parse_policy import parse_policy
from kb.outputs.report import flatten

BODY_LINE = 5

# Entries in the list's own style; the keys say who and when.
REF = {
    "zhao2017": "Zhao S, Xu CY, Zhu AR, et al. Comparison of the efficacy and safety of 3 treatments for patients "
                "with osteoporotic vertebral compression fractures: A network meta-analysis. *Medicine*. "
                "2017;96(26):e7328. PMID: 28658144",
    "frey2017": "Frey ME, Warner C, Thomas SM, et al. Sacroplasty: A Ten-Year Analysis of Prospective Patients "
                "Treated with Percutaneous Sacroplasty. *Pain physician*. 2017;20(7):E1063-E72. PMID: 29149151",
    "zhan2017": "Zhan Y, Jiang J, Liao H, et al. Risk factors for cement leakage after vertebroplasty or kyphoplasty: "
                "a meta-analysis of published evidence. *World neurosurgery*. 2017. PMID: 28192270",
    "buchbinder2015": "Buchbinder R, Golmohammadi K, Johnston RV, et al. Percutaneous vertebroplasty for osteoporotic "
                      "vertebral compression fracture. *The Cochrane database of systematic reviews*. 2015;4:CD006349. "
                      "PMID: 25923524",
    "buchbinder2009": "Buchbinder R, Osborne RH, Ebeling PR, et al. A randomized trial of vertebroplasty for painful "
                      "osteoporotic vertebral fractures. *N Engl J Med*. 2009;361(6):557-68. PMID: 19657121",
    "kallmes2009": "Kallmes DF, Comstock BA, Heagerty PJ, et al. A randomized trial of vertebroplasty for osteoporotic "
                   "spinal fractures. *N Engl J Med*. 2009;361(6):569-79. PMID: 19657122",
    "boonen2011": "Boonen S, Van Meirhaeghe J, Bastian L, et al. Balloon kyphoplasty for the treatment of acute "
                  "vertebral compression fractures: 2-year results from a randomized trial. *J Bone Miner Res*. "
                  "2011;26(7):1627-37. PMID: 21337428",
    "vanmeirhaeghe2013": "Van Meirhaeghe J, Bastian L, Boonen S, et al. A Randomized Trial of Balloon Kyphoplasty and "
                         "Non-Surgical Management for Treating Acute Vertebral Compression Fractures. *Spine (Phila Pa "
                         "1976)*. 2013. PMID: 23446769",
    "wardlaw2009": "Wardlaw D, Cummings SR, Van Meirhaeghe J, et al. Efficacy and safety of balloon kyphoplasty compared "
                   "with non-surgical care for vertebral compression fracture (FREE): a randomised controlled trial. "
                   "*Lancet*. 2009;373(9668):1016-24. PMID: 19246088",
    "clark2016": "Clark W, Bird P, Gonski P, et al. Safety and efficacy of vertebroplasty for acute painful osteoporotic "
                 "fractures (VAPOUR): a multicentre, randomised, double-blind, placebo-controlled trial. *Lancet*. "
                 "2016;388(10052):1408-16. PMID: 27544377",
    "devries2015": "de Vries J, Lodder P, Smit K. Vertebroplasty in practice: a randomised trial. *BMJ*. "
                   "2015;351:h1551. PMID: 29743000",
    "blasco2012": "Blasco Andaluz J, Martinez-Ferrer A, Macho Fernandez J, et al. Effect of vertebroplasty on pain "
                  "relief: a 12-month randomised follow-up, controlled trial. *J Bone Miner Res*. 2012. PMID: 22307990",
    "martinlopez2015": "Martin-Lopez JE, Pavon-Gomez MJ, Romero-Tabares A, et al. Stentoplasty effectiveness and safety "
                       "for the treatment of osteoporotic vertebral fractures: a systematic review. *Orthop Traumatol "
                       "Surg Res*. 2015;101(5):627-32. PMID: 26194207",
    "obrien2010": "O'Brien P, Kim J. Kyphoplasty outcomes: a randomized trial. *Spine J*. 2010;10(2):100-9. "
                  "PMID: 20000001",
    "mcconnell2014": "McConnell CT, Jr., Wippold FJ, 2nd, Ray CE, Jr., et al. ACR appropriateness criteria management "
                     "of vertebral compression fractures. *Journal of the American College of Radiology : JACR*. "
                     "2014;11(8):757-63. PMID: 24935074",
    "feng2017": "Feng L, Shen JM, Feng C, et al. Comparison of radiofrequency kyphoplasty (RFK) and balloon kyphoplasty "
                "(BKP) in the treatment of vertebral compression fractures: A meta-analysis. *Medicine*. "
                "2017;96(25):e7150. PMID: 28640091",
    "aaos2010": "American Academy of Orthopaedic Surgeons Guideline and Evidence Report. 2010. Treatment of "
                "Symptomatic Osteoporotic Spinal Compression Fractures. [cited 5/11/2026]. 'Available from:'",
    "asa2010": "Practice guidelines for chronic pain management: an updated report by the American Society of "
               "Anesthesiologists Task Force on Chronic Pain Management. *Anesthesiology*. 2010;112(4):810-33. "
               "PMID: 20124882",
    "baerlocher2014": "Baerlocher MO, Saad WE, Dariushnia S, et al. Quality improvement guidelines for percutaneous "
                      "vertebroplasty. *J Vasc Interv Radiol*. 2014;25(2):165-70. PMID: 24238815",
    "acr2017": "ACR-ASNR-ASSR-SIR-SNIS Practice guideline for the performance of vertebral augmentation. Revised 2017. "
               "[cited 5/11/2026]. 'Available from:' <https://www.acr.org/vertebraaug.pdf>.",
    "diamond2006": "Diamond TH, Bryant C, Browne L, et al. Clinical outcomes after acute osteoporotic vertebral "
                   "fractures: a 2-year non-randomised trial comparing percutaneous vertebroplasty with conservative "
                   "therapy. *Med J Aust*. 2006;184(3):113-7. PMID: 16460295",
    "rousing2009": "Rousing R, Andersen MO, Jespersen SM, et al. Percutaneous vertebroplasty compared to conservative "
                   "treatment: a clinical randomized study. *Spine (Phila Pa 1976)*. 2009;34(13):1349-54. PMID: 19478654",
}
SACRO = [f"Author{c} A. Percutaneous sacroplasty for sacral insufficiency fractures: a case series. *Eur Radiol*. "
         f"{2000 + i};{i + 1}(2):1-9. PMID: {17000000 + i}" for i, c in enumerate("BCDEFGH")]


def make_policy(body: str, refs: list[str]) -> str:
    entries = "\n".join(f"{i}. {REF.get(r, r)}" for i, r in enumerate(refs, 1))
    return f"# Policy\n\n## EVIDENCE SUMMARY\n\n{body}\n\n## REFERENCES\n\n{entries}\n"


def build(body: str, refs: list[str]):
    return build_knowledge_base(parse_policy(make_policy(body, refs), "fixture.md"))


def findings(body: str, refs: list[str], code: str):
    return flatten(run_checks(build(body, refs), select=[code]))
